package org.unhabitat.targets.domain;

import java.util.Arrays;
import java.util.Optional;

/** The four core budget lines of the strategic plan, in the order the Executive Board reads them. */
public enum BudgetLine {
    REGULAR_BUDGET("Regular budget"),
    FOUNDATION_NON_EARMARKED("Foundation non-earmarked"),
    FOUNDATION_EARMARKED("Foundation earmarked"),
    TECHNICAL_COOPERATION("Technical cooperation");

    private final String displayName;

    BudgetLine(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Looks a line up by its code, exactly as clients spell it in paths. */
    public static Optional<BudgetLine> fromCode(String code) {
        return Arrays.stream(values()).filter(line -> line.name().equals(code)).findFirst();
    }
}
