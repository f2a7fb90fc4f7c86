package org.unhabitat.targets.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.domain.ProgrammeKind;
import org.unhabitat.targets.domain.Region;

@Schema(description = "A programme's definition: what narrower purpose money is raised for, under which core budget line")
public record ProgrammeRequest(
        @NotBlank @Size(max = 200)
        @Schema(required = true, examples = "Urban Investment Facility: feasibility fund") String name,
        @NotNull @Schema(required = true, examples = "FUND") ProgrammeKind kind,
        @NotNull @Schema(required = true, examples = "FOUNDATION_EARMARKED",
                description = "The core budget line the programme's money counts towards") BudgetLine budgetLine,
        @Schema(examples = "ARAB_STATES", nullable = true, description = "The executing region, if the programme has one")
        Region region,
        @NotNull @Min(1950) @Max(2100) @Schema(required = true, examples = "2021") Integer startYear,
        @Min(1950) @Max(2100)
        @Schema(examples = "2023", nullable = true, description = "The last year, both included; leave out while open-ended")
        Integer endYear) {
}
