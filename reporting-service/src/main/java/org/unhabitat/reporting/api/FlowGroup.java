package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(description = "The money of one group: its key (the codes it is grouped by), display names beside the codes that have them, "
        + "and its figures. Grouped by month, pledgedUsd, outstandingUsd and pledgeCount are null.")
public record FlowGroup(
        @Schema(description = "Codes by groupBy dimension: year a number, month YYYY-MM, programme null for money with no programme",
                examples = "{\"budgetLine\":\"FOUNDATION_EARMARKED\",\"region\":\"GLOBAL\"}") Map<String, Object> key,
        @Schema(description = "Display names of the budget lines, contributors and programmes in the key",
                examples = "{\"budgetLine\":\"Foundation earmarked\"}") Map<String, String> names,
        @Schema(type = SchemaType.STRING, nullable = true, examples = "43300000.00") BigDecimal pledgedUsd,
        @Schema(type = SchemaType.STRING, examples = "27700000.00") BigDecimal receivedUsd,
        @Schema(type = SchemaType.STRING, nullable = true, examples = "15600000.00") BigDecimal outstandingUsd,
        @Schema(nullable = true, description = "Schedule entries: a pledge counts once in each of its years", examples = "8")
        Long pledgeCount) {
}
