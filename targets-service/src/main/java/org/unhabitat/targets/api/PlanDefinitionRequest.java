package org.unhabitat.targets.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unhabitat.targets.domain.BudgetLine;

import java.math.BigDecimal;
import java.util.List;

@Schema(description = "A new strategic plan's envelope for each of the four core budget lines, and why")
public record PlanDefinitionRequest(
        @NotNull @Size(min = 4, max = 4, message = "must name each of the four core budget lines once") @Valid
        @Schema(required = true, description = "Exactly one entry per core budget line")
        List<@NotNull Line> lines,
        @NotBlank @Size(max = 1000)
        @Schema(required = true, examples = "Strategic plan 2024-2025 resource requirement")
        String reason) {

    @Schema(description = "The plan's envelope for one budget line")
    public record Line(
            @NotNull @Schema(required = true, examples = "FOUNDATION_NON_EARMARKED") BudgetLine budgetLine,
            @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2)
            @Schema(type = SchemaType.STRING, required = true, examples = "41000000.00",
                    description = "USD as a decimal string, at most 2 decimals, not negative")
            BigDecimal amountUsd) {
    }
}
