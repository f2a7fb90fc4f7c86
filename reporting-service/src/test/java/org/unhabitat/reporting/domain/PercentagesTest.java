package org.unhabitat.reporting.domain;

import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.domain.Percentages;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PercentagesTest {

    @Test
    void nonEarmarkedContributionsOfTwoPointSixMillionAreTwentySixPercentOfTheTenMillionTarget() {
        assertEquals(new BigDecimal("26.0"), Percentages.of(new BigDecimal("2600000.00"), new BigDecimal("10000000.00")));
    }

    @Test
    void theArabStatesShareOfFigureThreeRoundsHalfUpToOneDecimal() {
        assertEquals(new BigDecimal("44.2"), Percentages.of(new BigDecimal("54200000.00"), new BigDecimal("122580000.00")));
    }

    @Test
    void aHalfRoundsUp() {
        assertEquals(new BigDecimal("0.2"), Percentages.of(new BigDecimal("0.15"), new BigDecimal("100.00")));
    }

    @Test
    void aRatioWithoutDenominatorIsNull() {
        assertNull(Percentages.of(new BigDecimal("5.00"), new BigDecimal("0.00")));
    }
}
