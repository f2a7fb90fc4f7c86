package org.unhabitat.contributions.messaging.events;

import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.platform.inbox.PoisonEventException;

import java.time.Instant;

/**
 * What this service reads of targets-service's {@code org.unhabitat.programme.defined.v1}: the code, name and
 * budget line, as defined at {@code definedAt}. Other fields of the event are not needed here and are ignored.
 */
public record ProgrammeDefinedV1(String code, String name, BudgetLine budgetLine, Instant definedAt) {

    public static final String TYPE = "org.unhabitat.programme.defined.v1";

    public ProgrammeDefinedV1 {
        if (code == null || name == null || budgetLine == null || definedAt == null) {
            throw new PoisonEventException("A programme.defined.v1 event lacks code, name, budgetLine or definedAt");
        }
    }
}
