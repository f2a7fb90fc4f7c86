package org.unhabitat.contributions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * Exact money arithmetic. Rates are UN operational rates of exchange, in units of the currency per
 * US dollar, so converting divides. USD always has two decimals and is rounded HALF_EVEN once per
 * converted amount; totals are sums of already-rounded USD.
 */
public final class Money {

    public static final String USD = "USD";
    public static final int USD_SCALE = 2;

    /** The ISO 4217 currency, if the code is one that has minor units (not XAU, XDR and the like). */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The currency's minor units: SEK 2, JPY 0, KWD 3. The code must be valid. */
    public static int minorUnits(String currencyCode) {
        return Currency.getInstance(currencyCode).getDefaultFractionDigits();
    }

    /** Whether {@code amount} can be paid in that many minor units: "1.50" fits 2, "1.505" does not, "1.500" fits 2. */
    public static boolean fitsMinorUnits(BigDecimal amount, int minorUnits) {
        return amount.stripTrailingZeros().scale() <= minorUnits;
    }

    /** The amount with exactly the currency's minor units; never rounds (callers validated it fits). */
    public static BigDecimal inCurrency(BigDecimal amount, String currencyCode) {
        return amount.setScale(minorUnits(currencyCode), RoundingMode.UNNECESSARY);
    }

    /** {@code amount / unitsPerUsd}, HALF_EVEN to cents: SEK 7,000,000 at 8.75 is USD 800,000.00. */
    public static BigDecimal toUsd(BigDecimal amount, BigDecimal unitsPerUsd) {
        return amount.divide(unitsPerUsd, USD_SCALE, RoundingMode.HALF_EVEN);
    }

    /** A USD amount with exactly two decimals; never rounds. */
    public static BigDecimal usd(BigDecimal amount) {
        return amount.setScale(USD_SCALE, RoundingMode.UNNECESSARY);
    }

    /** Rates are published without trailing zeros ("8.75", "1", "0.301"), whatever the column's scale. */
    public static BigDecimal normalizedRate(BigDecimal unitsPerUsd) {
        BigDecimal stripped = unitsPerUsd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /**
     * The USD, at a fixed rate, of {@code amount} paid on top of {@code alreadyPaid}. Taken as the
     * difference of the converted running totals, so that the payments settling one schedule year
     * add up to exactly that year's USD once it is paid in full, whatever the rounding of each.
     */
    public static BigDecimal toUsdOnTopOf(BigDecimal alreadyPaid, BigDecimal amount, BigDecimal unitsPerUsd) {
        return toUsd(alreadyPaid.add(amount), unitsPerUsd).subtract(toUsd(alreadyPaid, unitsPerUsd));
    }

    private Money() {
    }
}
