package org.unhabitat.reporting.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "One budget line's progress; the totals row has no budgetLine")
public record ProgressRow(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(examples = "FOUNDATION_NON_EARMARKED") String budgetLine,
        @Schema(type = SchemaType.STRING, examples = "10000000.00", nullable = true, description = "null when the year has no target for the line")
        BigDecimal targetUsd,
        @Schema(type = SchemaType.STRING, examples = "2900000.00") BigDecimal receivedUsd,
        @Schema(type = SchemaType.STRING, examples = "500000.00", description = "Part of receivedUsd settling earlier years") BigDecimal priorYearUsd,
        @Schema(type = SchemaType.STRING, examples = "3100000.00") BigDecimal pledgedUsd,
        @Schema(type = SchemaType.STRING, examples = "200000.00") BigDecimal outstandingUsd,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(type = SchemaType.NUMBER, examples = "29.0", nullable = true, description = "receivedUsd / targetUsd x 100, HALF_UP to one decimal; null without a target. "
                + "In totals, only the income of lines that have a target counts")
        BigDecimal achievedPct) {
}
