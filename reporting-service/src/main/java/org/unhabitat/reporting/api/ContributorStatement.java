package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(description = "One partner's money by year and budget line: pledged and outstanding by schedule year, received by the year received")
public record ContributorStatement(PublicContributor contributor, List<Year> years) {

    @Schema(name = "StatementYear", description = "A year's money, and the lines it went to")
    public record Year(
            @Schema(examples = "2021") int year,
            @Schema(type = SchemaType.STRING, examples = "800000.00") BigDecimal pledgedUsd,
            @Schema(type = SchemaType.STRING, examples = "773480.66") BigDecimal receivedUsd,
            @Schema(type = SchemaType.STRING, examples = "0.00") BigDecimal outstandingUsd,
            List<Line> lines) {
    }

    @Schema(name = "StatementLine", description = "A year's money for one budget line")
    public record Line(
            @Schema(examples = "FOUNDATION_EARMARKED") String budgetLine,
            @Schema(type = SchemaType.STRING, examples = "800000.00") BigDecimal pledgedUsd,
            @Schema(type = SchemaType.STRING, examples = "773480.66") BigDecimal receivedUsd,
            @Schema(type = SchemaType.STRING, examples = "0.00") BigDecimal outstandingUsd) {
    }
}
