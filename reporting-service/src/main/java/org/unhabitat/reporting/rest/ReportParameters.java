package org.unhabitat.reporting.rest;

import org.unhabitat.reporting.domain.BudgetLine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses report parameters so that a bad value is a 400 naming it, rather than JAX-RS's default 404. */
final class ReportParameters {

    static final String YEAR_DESCRIPTION = "Calendar year, e.g. 2021";
    static final String AS_OF_DESCRIPTION = "Only payments received on or before this day (YYYY-MM-DD) count";

    static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("asOf", "must be a date as YYYY-MM-DD");
        }
    }

    static BudgetLine budgetLine(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BudgetLine.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("budgetLine",
                    "must be one of REGULAR_BUDGET, FOUNDATION_NON_EARMARKED, FOUNDATION_EARMARKED, TECHNICAL_COOPERATION");
        }
    }

    static int year(Integer value) {
        if (value == null) {
            throw new InvalidParameterException("year", "is required");
        }
        return value;
    }

    private ReportParameters() {
    }
}
