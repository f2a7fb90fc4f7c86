package org.unhabitat.reporting.mapping;

import org.unhabitat.reporting.api.OpenPledgeRow;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** RFC 4180 CSV of published pledge rows: CRLF line ends, a header row, and only fields that need it quoted. */
public final class PledgeCsv {

    static final List<String> HEADER = List.of("pledge_id", "year", "contributor_code", "contributor_name", "contributor_type",
            "budget_line", "earmarking", "region", "currency", "amount", "fx_rate", "usd_amount", "pledged_on", "paid_usd",
            "outstanding_usd", "status");

    public static String write(List<OpenPledgeRow> rows) {
        return header() + rows(rows);
    }

    public static String header() {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        return csv.toString();
    }

    /** The rows without a header, for a file written a page at a time. */
    public static String rows(List<OpenPledgeRow> rows) {
        StringBuilder csv = new StringBuilder();
        for (OpenPledgeRow row : rows) {
            line(csv, List.of(row.pledgeId().toString(), Integer.toString(row.year()), text(row.contributorCode()),
                    text(nullToEmpty(row.contributorName())), nullToEmpty(row.contributorType()), row.budgetLine(), row.earmarking(),
                    row.region(), row.currency(), inMinorUnits(row.amount(), row.currency()),
                    row.fxRate().stripTrailingZeros().toPlainString(), row.usdAmount().toPlainString(),
                    row.pledgedOn().toString(), row.paidUsd().toPlainString(), row.outstandingUsd().toPlainString(), row.status()));
        }
        return csv.toString();
    }

    /**
     * A text field that a spreadsheet must never run as a formula (CSV injection): one that starts with =, +, -, @,
     * tab or CR gets a leading apostrophe, which spreadsheets show as text and do not display.
     */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** Quoted when it holds a comma, a quote, CR or LF; quotes inside are doubled. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The read model keeps three decimals for every currency; the file shows each with its ISO 4217 minor units. */
    static String inMinorUnits(BigDecimal amount, String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits >= 0 && amount.stripTrailingZeros().scale() <= digits) {
                return amount.setScale(digits).toPlainString();
            }
        } catch (IllegalArgumentException unknownCurrency) {
            // An unknown code still gets its exact amount below.
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private PledgeCsv() {
    }
}
