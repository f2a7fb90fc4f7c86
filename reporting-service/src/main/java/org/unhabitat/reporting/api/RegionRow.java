package org.unhabitat.reporting.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Money pledged for and received in a year by executing region, and the region's share of the year's income")
public record RegionRow(
        @Schema(examples = "ARAB_STATES") String region,
        @Schema(type = SchemaType.STRING, description = "USD pledged for the year (schedule year), paid or not",
                examples = "60100000.00") BigDecimal pledgedUsd,
        @Schema(type = SchemaType.STRING, examples = "54200000.00") BigDecimal receivedUsd,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER)
        @Schema(type = SchemaType.NUMBER, examples = "44.2", nullable = true) BigDecimal sharePct) {
}
