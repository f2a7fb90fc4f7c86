package org.unhabitat.targets.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A programme's income target for a year was set (revision 1) or revised (revision > 1). Key: the programme code,
 * so that a target is always consumed after the programme it belongs to.
 */
public record ProgrammeTargetSetV1(
        String programme,
        int year,
        BigDecimal amountUsd,
        int revision,
        String setBy,
        String reason,
        Instant setAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.programme-target.set.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "programme";
    }

    @Override
    public String aggregateId() {
        return programme;
    }
}
