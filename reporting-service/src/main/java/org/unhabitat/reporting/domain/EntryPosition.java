package org.unhabitat.reporting.domain;

import java.math.BigDecimal;

/**
 * What one schedule year of a pledge adds to the pledge book, by the contract's definitions:
 * pledged is the entry's USD at the pledge's rate, or for a cancelled pledge only what was paid
 * towards that year; outstanding is the unpaid balance, kept in the pledge's currency and shown
 * at the pledge's rate, and nothing once paid in full, whatever the rates did.
 *
 * <p>Outstanding USD is the entry's USD less what was paid at the pledge's rate, as contributions-service's
 * ledger computes it, not the unpaid currency amount converted on its own: the two round differently by a cent.
 */
public record EntryPosition(int year, BigDecimal amount, BigDecimal usdAmount, BigDecimal paidAmount,
                            BigDecimal paidUsdAtPledgeRate, BigDecimal fxRate, boolean cancelled) {

    public BigDecimal pledgedUsd() {
        return cancelled ? Money.usd(paidUsdAtPledgeRate) : usdAmount;
    }

    public BigDecimal outstandingUsd() {
        if (cancelled || paidAmount.compareTo(amount) >= 0) {
            return Money.ZERO;
        }
        return Money.usd(usdAmount.subtract(paidUsdAtPledgeRate));
    }
}
