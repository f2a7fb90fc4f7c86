package org.unhabitat.targets.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Schema(description = "The current value after a set or revise request, with anything the caller should know about it")
public record AnnualFigureChangeDto(
        @Schema(examples = "2021") int year,
        @Schema(examples = "FOUNDATION_NON_EARMARKED") String budgetLine,
        @Schema(type = SchemaType.STRING, examples = "10500000.00", description = "USD, exactly 2 decimals")
        BigDecimal amountUsd,
        @Schema(examples = "2") int revision,
        @Schema(examples = "finance-user") String changedBy,
        @Schema(examples = "2022-06-30T09:15:00Z") Instant changedAt,
        @Schema(examples = "Mid-year review: two new core pledges") String reason,
        @Schema(description = "Accepted but noteworthy, e.g. the plan's annual figures for this line add up to more "
                + "than its envelope. Empty when there is nothing to say.")
        List<String> warnings) {
}
