package org.unhabitat.targets.mapping;

import org.unhabitat.platform.outbox.DomainEvent;
import org.unhabitat.targets.api.AnnualFigureChangeDto;
import org.unhabitat.targets.api.AnnualFigureDto;
import org.unhabitat.targets.messaging.events.ApprovedBudgetSetV1;
import org.unhabitat.targets.messaging.events.TargetSetV1;
import org.unhabitat.targets.repository.AnnualFigureRevision;

import java.util.List;

public final class AnnualFigureMapper {

    public static AnnualFigureDto toDto(AnnualFigureRevision revision) {
        return new AnnualFigureDto(revision.year, revision.budgetLine.name(), revision.amountUsd, revision.revision,
                revision.changedBy, revision.changedAt.toInstant(), revision.reason);
    }

    public static AnnualFigureChangeDto toChangeDto(AnnualFigureRevision revision, List<String> warnings) {
        return new AnnualFigureChangeDto(revision.year, revision.budgetLine.name(), revision.amountUsd, revision.revision,
                revision.changedBy, revision.changedAt.toInstant(), revision.reason, warnings);
    }

    public static DomainEvent toEvent(AnnualFigureRevision revision) {
        return switch (revision.kind) {
            case INCOME_TARGET -> new TargetSetV1(revision.year, revision.budgetLine.name(), revision.amountUsd,
                    revision.revision, revision.changedBy, revision.reason, revision.changedAt.toInstant());
            case APPROVED_BUDGET -> new ApprovedBudgetSetV1(revision.year, revision.budgetLine.name(), revision.amountUsd,
                    revision.revision, revision.changedBy, revision.reason, revision.changedAt.toInstant());
        };
    }

    private AnnualFigureMapper() {
    }
}
