package org.unhabitat.reporting.rest;

import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.reporting.domain.BudgetLine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses report parameters so that a bad value is a 400 naming it, rather than JAX-RS's default 404. */
final class ReportParameters {

    static final String YEAR_DESCRIPTION = "Calendar year, e.g. 2021";
    static final String AS_OF_DESCRIPTION = "Only payments received on or before this day (YYYY-MM-DD) count";
    /** What a contributor or programme code may look like; anything else names none, and is never sent to the database. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.parameter("asOf", "must be a date as YYYY-MM-DD");
        }
    }

    static BudgetLine budgetLine(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BudgetLine.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.parameter("budgetLine",
                    "must be one of REGULAR_BUDGET, FOUNDATION_NON_EARMARKED, FOUNDATION_EARMARKED, TECHNICAL_COOPERATION");
        }
    }

    static int year(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.parameter("year", "is required");
        }
        return optionalYear(value);
    }

    /**
     * A calendar year from 1945 to 2100, or null when absent. Taken as text because JAX-RS answers an
     * unconvertible Integer parameter with 404, which tells the client nothing about what it got wrong.
     */
    static Integer optionalYear(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= 1945 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a year out of range.
        }
        throw InvalidRequestException.parameter("year", "must be a year from 1945 to 2100, e.g. 2021");
    }

    /** A year from 1945 to 2100 in a parameter of another name (fromYear, toYear), or null when absent. */
    static Integer namedYear(String name, String value) {
        try {
            return optionalYear(value);
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.parameter(name, "must be a year from 1945 to 2100, e.g. 2021");
        }
    }

    /** A page size from 1 to {@code max}; {@code defaultValue} when absent. */
    static int limit(String value, int defaultValue, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        throw InvalidRequestException.parameter("limit", "must be a whole number from 1 to " + max);
    }

    private ReportParameters() {
    }
}
