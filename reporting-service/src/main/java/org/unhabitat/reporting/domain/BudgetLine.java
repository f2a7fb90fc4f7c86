package org.unhabitat.reporting.domain;

/** The four core budget lines of the strategic plan, in the order the Executive Board reads them. */
public enum BudgetLine {
    REGULAR_BUDGET,
    FOUNDATION_NON_EARMARKED,
    FOUNDATION_EARMARKED,
    TECHNICAL_COOPERATION;

    /** The line's name in the Board's English documents, for outputs that are English only, such as IATI narratives. */
    public String englishName() {
        return switch (this) {
            case REGULAR_BUDGET -> "Regular budget";
            case FOUNDATION_NON_EARMARKED -> "Foundation non-earmarked";
            case FOUNDATION_EARMARKED -> "Foundation earmarked";
            case TECHNICAL_COOPERATION -> "Technical cooperation";
        };
    }
}
