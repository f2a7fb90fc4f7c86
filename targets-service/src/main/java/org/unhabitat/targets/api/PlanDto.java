package org.unhabitat.targets.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(description = "A strategic plan and its resource requirement per core budget line")
public record PlanDto(
        @Schema(examples = "2020-2023") String id,
        @Schema(examples = "2020") int startYear,
        @Schema(examples = "2023") int endYear,
        List<PlanLineDto> lines,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "970000000.00",
                description = "Sum of the lines, USD") BigDecimal totalUsd) {

    @Schema(description = "The plan's envelope for one budget line")
    public record PlanLineDto(
            @Schema(examples = "FOUNDATION_NON_EARMARKED") String budgetLine,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "41000000.00")
            BigDecimal amountUsd) {
    }
}
