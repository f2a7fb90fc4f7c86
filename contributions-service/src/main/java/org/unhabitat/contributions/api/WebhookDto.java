package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A webhook endpoint")
public record WebhookDto(
        UUID id,
        @Schema(examples = "https://erp.partner.example/hooks/unhabitat") String url,
        @Schema(examples = "[\"pledge.recorded\",\"payment.recorded\"]") List<String> events,
        @Schema(nullable = true, description = "null: every contributor (finance)", examples = "SWE") String contributorCode,
        boolean enabled,
        @Schema(nullable = true, description = "Why the endpoint was disabled, e.g. every delivery failing for 5 days") String disabledReason,
        @Schema(nullable = true, description = "Since when every attempt has failed; null after a success") Instant failingSince,
        Instant createdAt,
        @Schema(nullable = true, description = "whsec_ and base64: only in the answer to creation and to rotation, never again",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
}
