package org.unhabitat.contributions.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "What to change of an endpoint; a field left out stays as it is")
public record WebhookChangeRequest(
        @Size(min = 1, max = 2000) @Schema(description = "https, to a public address", examples = "https://erp.partner.example/hooks/unhabitat-v2")
        String url,
        @Size(min = 1, max = 5) List<@Size(max = 40) String> events,
        @Schema(description = "true re-enables an endpoint that was disabled, false pauses it") Boolean enabled) {
}
