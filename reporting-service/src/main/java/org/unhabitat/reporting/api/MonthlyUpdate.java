package org.unhabitat.reporting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly financial update for member states: the year's progress at the month's end, the month's income
 * per line, new and increased core partners, and the partners who paid in the month. Individuals are never
 * named: {@code individualsPaid} says only that some gave.
 */
public record MonthlyUpdate(YearMonth month, LocalDate lastDay, ProgressReport progress, List<LineIncome> monthIncome,
                            BigDecimal monthIncomeUsd, List<String> partnersWhoPaid, boolean individualsPaid,
                            List<DashboardData.Partner> newDonors, List<DashboardData.Partner> increased) {

    public record LineIncome(String budgetLine, BigDecimal receivedUsd) {
    }
}
