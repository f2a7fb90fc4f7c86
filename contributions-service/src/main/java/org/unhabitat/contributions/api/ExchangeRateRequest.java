package org.unhabitat.contributions.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A UN operational rate of exchange for one month")
public record ExchangeRateRequest(
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "8.75",
                description = "Units of the currency per US dollar") BigDecimal unitsPerUsd) {
}
