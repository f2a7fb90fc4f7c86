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

    static int year(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("year", "is required");
        }
        return optionalYear(value);
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other unusable limit
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to 100");
    }

    static Integer optionalYear(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value);
            if (year >= 1945 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other unusable year
        }
        throw new InvalidParameterException("year", "must be a year between 1945 and 2100");
    }

    private ReportParameters() {
    }
}
