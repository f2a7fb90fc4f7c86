package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Schema(description = "The figures of the monthly financial update to member states, frozen at month end")
public record MonthEndSnapshot(
        @Schema(examples = "2021-11") String month,
        @Schema(description = "Payments received up to this day count") LocalDate asOf,
        Instant takenAt,
        ProgressReport progress,
        List<RegionRow> regions,
        List<MonthRow> monthly,
        @Schema(description = "Top ten contributors per budget line") Map<String, List<TopContributorRow>> topContributors) {
}
