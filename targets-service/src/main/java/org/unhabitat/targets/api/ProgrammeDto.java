package org.unhabitat.targets.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A programme as currently defined")
public record ProgrammeDto(
        @Schema(examples = "UIF-FEASIBILITY-FUND") String code,
        @Schema(examples = "Urban Investment Facility: feasibility fund") String name,
        @Schema(examples = "FUND") String kind,
        @Schema(examples = "FOUNDATION_EARMARKED") String budgetLine,
        @Schema(examples = "ARAB_STATES", nullable = true) String region,
        @Schema(examples = "2021") int startYear,
        @Schema(examples = "2023", nullable = true) Integer endYear,
        @Schema(examples = "finance-user", description = "Who defined the programme as it is now: first or latest change")
        String definedBy,
        @Schema(examples = "2021-11-15T09:00:00Z", description = "When, UTC") Instant definedAt) {
}
