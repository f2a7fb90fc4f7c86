package org.unhabitat.targets.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A new value for an annual figure, and why")
public record AnnualFigureRequest(
        @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2)
        @Schema(type = SchemaType.STRING, required = true, examples = "10500000.00",
                description = "USD as a decimal string, at most 2 decimals, not negative")
        BigDecimal amountUsd,
        @NotBlank @Size(max = 1000)
        @Schema(required = true, examples = "Mid-year review: two new core pledges",
                description = "Why the value changes; kept in the history and in the event")
        String reason) {
}
