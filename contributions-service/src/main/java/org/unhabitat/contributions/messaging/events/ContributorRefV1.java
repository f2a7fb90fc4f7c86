package org.unhabitat.contributions.messaging.events;

/** The contributor as it stood when the event was written, so that reporting needs no lookup. */
public record ContributorRefV1(String code, String name, String type, String country) {
}
