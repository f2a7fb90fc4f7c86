package org.unhabitat.contributions.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void sevenMillionKronorAtEightSeventyFiveAreEightHundredThousandDollars() {
        assertEquals("800000.00", Money.toUsd(new BigDecimal("7000000"), new BigDecimal("8.75")).toPlainString());
    }

    @Test
    void conversionRoundsHalfToEvenToCents() {
        assertEquals("0.12", Money.toUsd(new BigDecimal("0.125"), BigDecimal.ONE).toPlainString());
        assertEquals("0.14", Money.toUsd(new BigDecimal("0.135"), BigDecimal.ONE).toPlainString());
        assertEquals("4566.21", Money.toUsd(new BigDecimal("500000"), new BigDecimal("109.5")).toPlainString());
    }

    @Test
    void minorUnitsComeFromIso4217() {
        assertEquals(0, Money.minorUnits("JPY"));
        assertEquals(3, Money.minorUnits("KWD"));
        assertEquals(2, Money.minorUnits("SEK"));
        assertTrue(Money.currency("XAU").isEmpty(), "gold has no minor units and is no contribution currency");
        assertTrue(Money.currency("sek").isEmpty());
        assertTrue(Money.currency("ABC").isEmpty());
    }

    @Test
    void anAmountFitsItsCurrencyOnlyWithinItsMinorUnits() {
        assertTrue(Money.fitsMinorUnits(new BigDecimal("500000.0"), 0));
        assertFalse(Money.fitsMinorUnits(new BigDecimal("1.5"), 0));
        assertTrue(Money.fitsMinorUnits(new BigDecimal("1.500"), 2));
        assertFalse(Money.fitsMinorUnits(new BigDecimal("1.5005"), 3));
        assertEquals("1.500", Money.inCurrency(new BigDecimal("1.5"), "KWD").toPlainString());
        assertEquals("500000", Money.inCurrency(new BigDecimal("500000.0000"), "JPY").toPlainString());
    }

    @Test
    void ratesArePublishedWithoutTrailingZeros() {
        assertEquals("8.75", Money.normalizedRate(new BigDecimal("8.7500000000")).toPlainString());
        assertEquals("100", Money.normalizedRate(new BigDecimal("100.00")).toPlainString());
        assertEquals("1", Money.normalizedRate(BigDecimal.ONE.setScale(10)).toPlainString());
    }

    @Test
    void paymentsAtThePledgeRateAddUpToTheScheduleYearExactly() {
        BigDecimal rate = new BigDecimal("3");
        BigDecimal first = Money.toUsdOnTopOf(BigDecimal.ZERO, BigDecimal.ONE, rate);
        BigDecimal second = Money.toUsdOnTopOf(BigDecimal.ONE, BigDecimal.ONE, rate);
        BigDecimal third = Money.toUsdOnTopOf(new BigDecimal("2"), BigDecimal.ONE, rate);
        assertEquals("0.33", first.toPlainString());
        assertEquals("0.34", second.toPlainString());
        assertEquals("0.33", third.toPlainString());
        assertEquals(Money.toUsd(new BigDecimal("3"), rate), first.add(second).add(third));
    }

    @Test
    void aYearPaidInFullOwesNothingInDollars() {
        YearBalance balance = YearBalance.of(2021, new BigDecimal("7000000.00"), new BigDecimal("800000.00"),
                new BigDecimal("7000000.00"), new BigDecimal("8.75"));
        assertEquals("0.00", balance.outstandingUsd().toPlainString());
        assertEquals(0, balance.outstanding().signum());
    }
}
