package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.ContributorType;

/** Consumer view of {@code org.unhabitat.contributor.registered.v1}. */
public record ContributorRegisteredV1(String code, String name, String type, String country) {

    public static final String TYPE = "org.unhabitat.contributor.registered.v1";

    public ContributorRegisteredV1 {
        EventFields.require(code, "code");
        EventFields.require(name, "name");
        EventFields.requireCode(ContributorType.class, type, "type");
    }

    public ContributorRef asRef() {
        return new ContributorRef(code, name, type, country);
    }
}
