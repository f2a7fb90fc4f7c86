package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "The sums of all groups")
public record FlowTotals(
        @Schema(type = SchemaType.STRING, nullable = true, examples = "43300000.00") BigDecimal pledgedUsd,
        @Schema(type = SchemaType.STRING, examples = "27700000.00") BigDecimal receivedUsd,
        @Schema(type = SchemaType.STRING, nullable = true, examples = "15600000.00") BigDecimal outstandingUsd,
        @Schema(nullable = true, examples = "8") Long pledgeCount) {
}
