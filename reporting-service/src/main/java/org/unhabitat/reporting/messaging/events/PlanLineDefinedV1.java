package org.unhabitat.reporting.messaging.events;

import java.math.BigDecimal;

/** Consumer view of targets-service's {@code org.unhabitat.plan.line-defined.v1}. */
public record PlanLineDefinedV1(String planId, int startYear, int endYear, String budgetLine, BigDecimal amountUsd,
                                String definedBy, String reason) {

    public static final String TYPE = "org.unhabitat.plan.line-defined.v1";

    public PlanLineDefinedV1 {
        EventFields.require(planId, "planId");
        EventFields.requireBudgetLine(budgetLine);
        EventFields.requireMoney(amountUsd, "amountUsd");
    }
}
