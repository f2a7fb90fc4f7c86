package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pledge was cancelled and its unpaid balance written off. Key: the pledge id. */
public record PledgeCancelledV1(
        UUID pledgeId,
        int version,
        String reason,
        LocalDate cancelledOn,
        BigDecimal writtenOff,
        BigDecimal writtenOffUsd,
        Instant cancelledAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.pledge.cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "pledge";
    }

    @Override
    public String aggregateId() {
        return pledgeId.toString();
    }
}
