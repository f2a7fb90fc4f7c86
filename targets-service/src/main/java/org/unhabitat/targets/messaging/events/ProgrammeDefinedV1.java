package org.unhabitat.targets.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.time.Instant;

/**
 * A programme was defined, or its definition changed; the event carries the whole definition. {@code region} and
 * {@code endYear} are null when the programme has none. Key: the programme code.
 */
public record ProgrammeDefinedV1(
        String code,
        String name,
        String kind,
        String budgetLine,
        String region,
        int startYear,
        Integer endYear,
        String definedBy,
        Instant definedAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.programme.defined.v1";

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
        return code;
    }
}
