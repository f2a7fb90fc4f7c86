package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.time.Instant;

/**
 * A contributor was registered, or its name, type, country or IATI identifier changed. Version 2 adds
 * {@code iatiOrgRef} (null when unknown) to version 1. Key: the contributor code.
 */
public record ContributorRegisteredV2(String code, String name, String type, String country, String iatiOrgRef,
                                      Instant registeredAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.contributor.registered.v2";

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
