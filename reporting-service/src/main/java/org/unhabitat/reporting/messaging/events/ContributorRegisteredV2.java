package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.ContributorType;

/** Consumer view of {@code org.unhabitat.contributor.registered.v2}: v1 with the IATI organisation identifier, when known. */
public record ContributorRegisteredV2(String code, String name, String type, String country, String iatiOrgRef) {

    public static final String TYPE = "org.unhabitat.contributor.registered.v2";

    public ContributorRegisteredV2 {
        EventFields.require(code, "code");
        EventFields.require(name, "name");
        EventFields.requireCode(ContributorType.class, type, "type");
    }
}
