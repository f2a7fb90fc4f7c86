package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(description = "One revision of a month's UN operational rate of exchange")
public record ExchangeRateDto(
        @Schema(examples = "SEK") String currency,
        @Schema(examples = "2021-09") String month,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "8.75") BigDecimal unitsPerUsd,
        @Schema(examples = "1") int revision,
        @Schema(examples = "finance-user") String setBy,
        Instant setAt) {
}
