package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.ContributorType;

/** A contributor as contributions-service describes it inside its events. */
public record ContributorRef(String code, String name, String type, String country) {

    public ContributorRef {
        EventFields.require(code, "contributor.code");
        EventFields.require(name, "contributor.name");
        EventFields.requireCode(ContributorType.class, type, "contributor.type");
    }
}
