package org.unhabitat.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts: two decimals, converted HALF_EVEN, summed only after rounding. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    public static BigDecimal toUsd(BigDecimal amount, BigDecimal unitsPerUsd) {
        return amount.divide(unitsPerUsd, 2, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal usd(BigDecimal amount) {
        return amount == null ? ZERO : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private Money() {
    }
}
