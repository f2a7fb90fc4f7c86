package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Income received in one month, and since the start of the year")
public record MonthRow(
        @Schema(examples = "2021-03") String month,
        @Schema(type = SchemaType.STRING, examples = "1200000.00") BigDecimal receivedUsd,
        @Schema(type = SchemaType.STRING, examples = "3400000.00") BigDecimal cumulativeUsd) {
}
