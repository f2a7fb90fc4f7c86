package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.ContributorType;

/** Consumer view of {@code org.unhabitat.contributor.registered.v1}, still read for the events already on the topic. */
public record ContributorRegisteredV1(String code, String name, String type, String country) {

    public static final String TYPE = "org.unhabitat.contributor.registered.v1";

    public ContributorRegisteredV1 {
        EventFields.require(code, "code");
        EventFields.require(name, "name");
        EventFields.requireCode(ContributorType.class, type, "type");
    }

    /** The same registration as v2 says it: v1 knew no IATI identifier. */
    public ContributorRegisteredV2 asV2() {
        return new ContributorRegisteredV2(code, name, type, country, null);
    }
}
