package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "One message to an endpoint, with every attempt")
public record WebhookDeliveryDto(
        UUID id,
        @Schema(description = "The webhook-id header: the same on every attempt and on a resend", examples = "msg_0b9e4c5e-1d2f-4a6b-8c7d-9e0f1a2b3c4d")
        String webhookId,
        @Schema(examples = "payment.recorded") String type,
        @Schema(description = "PENDING (to be tried again), DELIVERED, or FAILED once retries ran out", examples = "PENDING") String status,
        @Schema(nullable = true, description = "When it is tried next, while pending") Instant nextAttemptAt,
        Instant createdAt,
        @Schema(nullable = true) Instant completedAt,
        List<AttemptDto> attempts) {

    @Schema(description = "One attempt")
    public record AttemptDto(
            Instant at,
            @Schema(nullable = true, description = "The endpoint's answer; null when none came", examples = "503") Integer statusCode,
            @Schema(nullable = true, examples = "The endpoint answered 503") String error,
            boolean succeeded) {
    }
}
