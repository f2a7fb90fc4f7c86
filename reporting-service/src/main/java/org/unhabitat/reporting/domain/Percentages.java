package org.unhabitat.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the contract states them: HALF_UP to one decimal, and no value without a denominator. */
public final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private Percentages() {
    }
}
