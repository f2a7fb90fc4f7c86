package org.unhabitat.reporting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A plan's progress against its envelopes, with each line's income cumulated year by year. */
public record PlanDashboard(String plan, LocalDate asOf, LocalDate lastIncomeDay,
                            ProgressReport progress, List<PlanYear> years) {

    public boolean hasIncome() {
        return lastIncomeDay != null;
    }

    /** Income from the plan's first year to the end of {@code year}, per line in the Board's order, and in all. */
    public record PlanYear(int year, List<BigDecimal> cumulativeUsdByLine, BigDecimal cumulativeUsd) {
    }
}
