package org.unhabitat.targets.domain;

/**
 * The two kinds of annual figure per budget line. They are kept apart because they answer different
 * questions: a target is what we aim to raise, an approved budget is what the Executive Board allowed us to spend.
 */
public enum AnnualFigureKind {
    INCOME_TARGET("income target"),
    APPROVED_BUDGET("approved budget");

    private final String label;

    AnnualFigureKind(String label) {
        this.label = label;
    }

    /** Lower-case words for messages written to clients. */
    public String label() {
        return label;
    }
}
