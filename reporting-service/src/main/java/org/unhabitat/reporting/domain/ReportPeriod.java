package org.unhabitat.reporting.domain;

import java.time.LocalDate;

/** The days whose payments a report counts: a span of years, cut at {@code asOf} when one is given. */
public record ReportPeriod(LocalDate from, LocalDate to, LocalDate asOf) {

    public static ReportPeriod ofYears(int firstYear, int lastYear, LocalDate asOf) {
        LocalDate from = LocalDate.of(firstYear, 1, 1);
        LocalDate endOfYears = LocalDate.of(lastYear, 12, 31);
        LocalDate to = asOf != null && asOf.isBefore(endOfYears) ? asOf : endOfYears;
        return new ReportPeriod(from, to, asOf);
    }

    public static ReportPeriod ofYear(int year, LocalDate asOf) {
        return ofYears(year, year, asOf);
    }
}
