package org.unhabitat.contributions.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ScheduleEntryRequest(
        @NotNull @Schema(examples = "2022") Integer year,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "10400000") BigDecimal amount,
        @Schema(description = "When the instalment is due, within its year; default: 31 December of the year",
                examples = "2022-06-30", nullable = true) LocalDate dueOn) {
}
