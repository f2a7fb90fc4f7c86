package org.unhabitat.targets.mapping;

import org.unhabitat.targets.api.ProgrammeDto;
import org.unhabitat.targets.api.ProgrammeTargetDto;
import org.unhabitat.targets.messaging.events.ProgrammeDefinedV1;
import org.unhabitat.targets.messaging.events.ProgrammeTargetSetV1;
import org.unhabitat.targets.repository.Programme;
import org.unhabitat.targets.repository.ProgrammeTargetRevision;

public final class ProgrammeMapper {

    public static ProgrammeDto toDto(Programme programme) {
        return new ProgrammeDto(programme.code, programme.name, programme.kind.name(), programme.budgetLine.name(),
                programme.region == null ? null : programme.region.name(), programme.startYear, programme.endYear,
                programme.definedBy, programme.definedAt.toInstant());
    }

    public static ProgrammeDefinedV1 toEvent(Programme programme) {
        return new ProgrammeDefinedV1(programme.code, programme.name, programme.kind.name(), programme.budgetLine.name(),
                programme.region == null ? null : programme.region.name(), programme.startYear, programme.endYear,
                programme.definedBy, programme.definedAt.toInstant());
    }

    public static ProgrammeTargetDto toDto(ProgrammeTargetRevision revision) {
        return new ProgrammeTargetDto(revision.programmeCode, revision.year, revision.amountUsd, revision.revision,
                revision.changedBy, revision.changedAt.toInstant(), revision.reason);
    }

    public static ProgrammeTargetSetV1 toEvent(ProgrammeTargetRevision revision) {
        return new ProgrammeTargetSetV1(revision.programmeCode, revision.year, revision.amountUsd, revision.revision,
                revision.changedBy, revision.reason, revision.changedAt.toInstant());
    }

    private ProgrammeMapper() {
    }
}
