package org.unhabitat.contributions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Cancel a pledge: its unpaid balance is written off")
public record CancellationRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "Contributor withdrew the balance") String reason,
        @Schema(description = "Default: today (UTC)", examples = "2022-01-31") LocalDate cancelledOn) {
}
