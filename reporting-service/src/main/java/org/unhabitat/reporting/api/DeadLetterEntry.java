package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A record that was not applied: refused by the event contracts (REJECTED), or valid but not applicable (PARKED)")
public record DeadLetterEntry(
        @Schema(examples = "contributions.events-2-4711", description = "The record's topic, partition and offset") String id,
        @Schema(examples = "contributions.events") String topic,
        @Schema(examples = "2") int partition,
        @Schema(examples = "4711") long offset,
        @Schema(examples = "org.unhabitat.payment.recorded.v1", description = "The event type, when the record names one") String type,
        @Schema(examples = "The database refused it (SQLSTATE 22003); incident 6f0d… in the service log") String reason,
        @Schema(description = "When it first failed") Instant at,
        @Schema(examples = "PARKED", enumeration = {"REJECTED", "PARKED"}) String kind,
        @Schema(examples = "1", description = "How often it has failed, counting replays and redrives") int attempts) {
}
