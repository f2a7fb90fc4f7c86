package org.unhabitat.targets.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(description = "One revision of an annual income target or approved budget for a year and budget line. "
        + "The current value is the latest revision.")
public record AnnualFigureDto(
        @Schema(examples = "2021") int year,
        @Schema(examples = "FOUNDATION_NON_EARMARKED") String budgetLine,
        @Schema(type = SchemaType.STRING, examples = "10000000.00", description = "USD, exactly 2 decimals")
        BigDecimal amountUsd,
        @Schema(examples = "1", description = "1 for the first value, then one more for every change") int revision,
        @Schema(examples = "reference-data", description = "Who made this revision: the subject of their token")
        String changedBy,
        @Schema(examples = "2022-03-29T00:00:00Z", description = "When this revision was recorded, UTC")
        Instant changedAt,
        @Schema(examples = "Income target 2021 (Figure 2)", description = "Why the value was set or changed")
        String reason) {
}
