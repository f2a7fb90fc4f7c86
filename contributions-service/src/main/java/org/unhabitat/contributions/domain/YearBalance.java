package org.unhabitat.contributions.domain;

import java.math.BigDecimal;

/**
 * What is pledged, paid and still owed for one schedule year. The USD still owed is the year's USD
 * less the paid amount converted at the pledge's rate, so a year paid in full owes exactly nothing.
 */
public record YearBalance(int year, BigDecimal amount, BigDecimal usdAmount, BigDecimal paid, BigDecimal outstanding,
                          BigDecimal outstandingUsd) {

    public static YearBalance of(int year, BigDecimal amount, BigDecimal usdAmount, BigDecimal paid, BigDecimal pledgeRate) {
        return new YearBalance(year, amount, usdAmount, paid, amount.subtract(paid),
                usdAmount.subtract(Money.toUsd(paid, pledgeRate)));
    }
}
