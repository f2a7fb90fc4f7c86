package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.time.Instant;

/** A contributor was registered, or its name, type or country changed. Key: the contributor code. */
public record ContributorRegisteredV1(String code, String name, String type, String country, Instant registeredAt)
        implements DomainEvent {

    public static final String TYPE = "org.unhabitat.contributor.registered.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "contributor";
    }

    @Override
    public String aggregateId() {
        return code;
    }
}
