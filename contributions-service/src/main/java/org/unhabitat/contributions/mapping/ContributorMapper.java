package org.unhabitat.contributions.mapping;

import org.unhabitat.contributions.api.ContributorDto;
import org.unhabitat.contributions.messaging.events.ContributorRefV1;
import org.unhabitat.contributions.messaging.events.ContributorRegisteredV2;
import org.unhabitat.contributions.repository.Contributor;

public final class ContributorMapper {

    public static ContributorDto toDto(Contributor contributor) {
        return new ContributorDto(contributor.code, contributor.name, contributor.type.name(), contributor.country,
                contributor.iatiOrgRef, contributor.registeredAt, contributor.updatedAt);
    }

    public static ContributorRefV1 toRef(Contributor contributor) {
        return new ContributorRefV1(contributor.code, contributor.name, contributor.type.name(), contributor.country);
    }

    /** registeredAt is when this state of the contributor was registered: the first time, or the update. */
    public static ContributorRegisteredV2 toEvent(Contributor contributor) {
        return new ContributorRegisteredV2(contributor.code, contributor.name, contributor.type.name(), contributor.country,
                contributor.iatiOrgRef, contributor.updatedAt);
    }

    private ContributorMapper() {
    }
}
