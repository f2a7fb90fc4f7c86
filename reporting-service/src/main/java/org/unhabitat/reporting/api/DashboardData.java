package org.unhabitat.reporting.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything the dashboard's charts draw, handed to the page as one JSON document. */
public record DashboardData(int year, LocalDate asOf, Map<String, String> lineNames, ProgressReport progress,
                            List<RegionRow> regions, List<MonthRow> monthly, List<TopContributorRow> topContributors) {
}
