package org.unhabitat.reporting.messaging.events;

import java.math.BigDecimal;

/**
 * Consumer view of {@code org.unhabitat.target.set.v1} and {@code org.unhabitat.approved-budget.set.v1}:
 * one revision of a line's figure for a year. The highest revision wins, whatever order they arrive in.
 */
public record AnnualFigureSetV1(int year, String budgetLine, BigDecimal amountUsd, int revision) {

    public static final String TARGET = "org.unhabitat.target.set.v1";
    public static final String APPROVED_BUDGET = "org.unhabitat.approved-budget.set.v1";

    public AnnualFigureSetV1 {
        EventFields.requireBudgetLine(budgetLine);
        EventFields.requireMoney(amountUsd, "amountUsd");
        if (revision < 1) {
            throw new PoisonEventException("revision must be at least 1: " + revision);
        }
    }
}
