package org.unhabitat.contributions.domain;

/** The four core budget lines, with the codes that targets-service and reporting-service use too. */
public enum BudgetLine {
    REGULAR_BUDGET,
    FOUNDATION_NON_EARMARKED,
    FOUNDATION_EARMARKED,
    TECHNICAL_COOPERATION
}
