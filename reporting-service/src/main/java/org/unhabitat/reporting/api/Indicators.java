package org.unhabitat.reporting.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "Funding Compact indicators of a year's voluntary income (everything but the regular budget)")
public record Indicators(
        @Schema(examples = "2021") int year,
        @Schema(nullable = true, description = "The asOf parameter; null when every payment received so far counts") LocalDate asOf,
        @Schema(type = SchemaType.STRING, examples = "182000000.00", description = "Income to Foundation non-earmarked, Foundation earmarked and technical cooperation")
        BigDecimal voluntaryIncomeUsd,
        @Schema(type = SchemaType.STRING, examples = "2900000.00", description = "Non-earmarked (core) income") BigDecimal coreIncomeUsd,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) @Schema(type = SchemaType.NUMBER, examples = "1.6", nullable = true)
        BigDecimal coreSharePct,
        @Schema(type = SchemaType.STRING, examples = "600000.00") BigDecimal softlyEarmarkedUsd,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) @Schema(type = SchemaType.NUMBER, examples = "0.3", nullable = true)
        BigDecimal softlyEarmarkedSharePct,
        @Schema(type = SchemaType.STRING, examples = "20800000.00", description = "Income under agreements spanning more than one year")
        BigDecimal multiYearUsd,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) @Schema(type = SchemaType.NUMBER, examples = "11.4", nullable = true)
        BigDecimal multiYearSharePct,
        @Schema(examples = "41", description = "Member states with income received in the year, any line") long contributingMemberStates,
        @Schema(description = "All income of the year by contributor type") List<TypeShare> contributorTypeMix) {

    public record TypeShare(
            @Schema(examples = "MEMBER_STATE") String type,
            @Schema(type = SchemaType.STRING, examples = "98000000.00") BigDecimal receivedUsd,
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) @Schema(type = SchemaType.NUMBER, examples = "50.3", nullable = true)
            BigDecimal sharePct) {
    }
}
