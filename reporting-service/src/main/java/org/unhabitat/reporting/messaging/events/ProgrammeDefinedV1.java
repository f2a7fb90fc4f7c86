package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.ProgrammeKind;
import org.unhabitat.reporting.domain.Region;

/**
 * Consumer view of {@code org.unhabitat.programme.defined.v1}: a programme's name and what it belongs to,
 * for the names beside programme codes in flows and for the IATI activity file. A later definition of
 * the same code replaces the earlier one.
 */
public record ProgrammeDefinedV1(String code, String name, String kind, String budgetLine, String region, int startYear,
                                 Integer endYear) {

    public static final String TYPE = "org.unhabitat.programme.defined.v1";

    public ProgrammeDefinedV1 {
        EventFields.require(code, "code");
        EventFields.require(name, "name");
        EventFields.requireCode(ProgrammeKind.class, kind, "kind");
        EventFields.requireBudgetLine(budgetLine);
        if (region != null) {
            EventFields.requireCode(Region.class, region, "region");
        }
    }
}
