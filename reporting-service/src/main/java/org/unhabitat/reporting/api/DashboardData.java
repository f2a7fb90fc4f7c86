package org.unhabitat.reporting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the dashboard shows of one year. {@code lastIncomeDay} is the last day with income counted, so
 * the page can say which moment it shows; null when nothing was received by the cut-off.
 */
public record DashboardData(int year, LocalDate asOf, LocalDate lastIncomeDay, ProgressReport progress,
                            List<RegionFigures> regions, List<MonthRow> monthly, List<LineContributors> topPerLine,
                            DonorChanges donorBase, Indicators indicators, Forecast forecast) {

    public boolean hasIncome() {
        return lastIncomeDay != null;
    }

    /** The year's target over all lines, which the monthly trend is read against; null without targets. */
    public BigDecimal targetUsd() {
        return progress.totals().targetUsd();
    }

    /** A region's income received in the year and the USD its pledges scheduled for it, each with its share. */
    public record RegionFigures(String region, BigDecimal receivedUsd, BigDecimal receivedSharePct, BigDecimal pledgedUsd,
                                BigDecimal pledgedSharePct) {
    }

    public record LineContributors(String budgetLine, List<TopContributorRow> contributors) {
    }

    /** A partner by code and name; the name is null while the contributor's own event has not arrived. */
    public record Partner(String code, String name) {
    }

    public record DonorChanges(int coreContributors, List<Partner> newDonors, List<Partner> resumed, List<Partner> increased) {
    }
}
