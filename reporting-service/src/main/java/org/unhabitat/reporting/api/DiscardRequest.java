package org.unhabitat.reporting.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a dead letter is given up: kept with the entry, with who discarded it and when")
public record DiscardRequest(
        @NotBlank @Size(max = 1000) @Schema(examples = "A test event published to production by mistake") String reason) {
}
