package org.unhabitat.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Year-end forecast from a given day: what was received, plus the larger of the pledges still due
 * that year and a straight-line run rate of the income so far over the days left. The two are
 * alternatives, not additions: outstanding pledges are themselves what the run rate will bring in.
 */
public final class RunRateForecast {

    public static final String METHOD = "forecastUsd = receivedToDateUsd + max(outstandingDueUsd, runRateUsd), where "
            + "runRateUsd = receivedToDateUsd / daysElapsed x daysRemaining in the year (0 once the year is over); "
            + "outstandingDueUsd is the unpaid balance of pledges scheduled for the year, at each pledge's rate.";

    private final long daysElapsed;
    private final long daysRemaining;

    public RunRateForecast(int year, LocalDate from) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate day = from.isBefore(start) ? start.minusDays(1) : from.isAfter(end) ? end : from;
        this.daysElapsed = ChronoUnit.DAYS.between(start, day) + 1;
        this.daysRemaining = ChronoUnit.DAYS.between(day, end);
    }

    public BigDecimal runRate(BigDecimal receivedToDate) {
        if (daysElapsed <= 0 || daysRemaining <= 0) {
            return Money.ZERO;
        }
        return receivedToDate.multiply(BigDecimal.valueOf(daysRemaining)).divide(BigDecimal.valueOf(daysElapsed), 2, RoundingMode.HALF_EVEN);
    }

    public BigDecimal forecast(BigDecimal receivedToDate, BigDecimal outstandingDue) {
        return receivedToDate.add(outstandingDue.max(runRate(receivedToDate)));
    }
}
