package org.unhabitat.reporting.mapping;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PledgeCsvTest {

    @Test
    void fieldsWithACommaQuoteCarriageReturnOrLineFeedAreQuotedWithQuotesDoubled() {
        assertEquals("Sweden", PledgeCsv.field("Sweden"));
        assertEquals("\"Korea, Republic of\"", PledgeCsv.field("Korea, Republic of"));
        assertEquals("\"The \"\"Fund\"\"\"", PledgeCsv.field("The \"Fund\""));
        assertEquals("\"line\r\nbreak\"", PledgeCsv.field("line\r\nbreak"));
        assertEquals("\"line\nbreak\"", PledgeCsv.field("line\nbreak"));
        assertEquals("Türkiye", PledgeCsv.field("Türkiye"));
    }

    @Test
    void amountsShowTheirCurrencysMinorUnitsAsPlainDecimals() {
        assertEquals("7000000.00", PledgeCsv.inMinorUnits(new BigDecimal("7000000.000"), "SEK"));
        assertEquals("110000000", PledgeCsv.inMinorUnits(new BigDecimal("110000000.000"), "JPY"));
        assertEquals("1500.250", PledgeCsv.inMinorUnits(new BigDecimal("1500.250"), "KWD"));
        assertEquals("10000000000.00", PledgeCsv.inMinorUnits(new BigDecimal("1E+10"), "USD"));
    }

    @Test
    void anAmountFinerThanItsCurrencyOrInAnUnknownCurrencyIsShownExactly() {
        assertEquals("12.345", PledgeCsv.inMinorUnits(new BigDecimal("12.345"), "USD"));
        assertEquals("12.5", PledgeCsv.inMinorUnits(new BigDecimal("12.500"), "XYZ"));
    }
}
