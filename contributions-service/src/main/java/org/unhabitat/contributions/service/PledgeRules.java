package org.unhabitat.contributions.service;

import org.unhabitat.contributions.api.ScheduleEntryRequest;
import org.unhabitat.contributions.domain.Money;
import org.unhabitat.contributions.domain.YearAmount;
import org.unhabitat.platform.problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks on amounts, dates and schedules that need no stored state. Violations are collected, not thrown one by one. */
final class PledgeRules {

    /** No real contribution comes near a quadrillion; the limit keeps amounts inside NUMERIC(22, 4). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    private static final int MAX_SCHEDULE_DISTANCE_YEARS = 10;

    /**
     * Today where the day starts first (UTC+14). A date after it is in the future for everyone, so a
     * partner ahead of UTC can still record something dated its own today.
     */
    static LocalDate latestToday() {
        return LocalDate.now(ZoneOffset.ofHours(14));
    }

    static boolean checkCurrency(String field, String currency, List<FieldError> violations) {
        if (Money.currency(currency).isEmpty()) {
            violations.add(new FieldError(field, "is not an ISO 4217 currency code"));
            return false;
        }
        return true;
    }

    static void checkAmount(String field, BigDecimal amount, String currency, List<FieldError> violations) {
        if (amount.signum() <= 0) {
            violations.add(new FieldError(field, "must be greater than zero"));
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(new FieldError(field, "is too large"));
        } else if (!Money.fitsMinorUnits(amount, Money.minorUnits(currency))) {
            violations.add(new FieldError(field, "has more decimals than " + currency + " allows ("
                    + Money.minorUnits(currency) + ")"));
        }
    }

    static void checkNotFuture(String field, LocalDate date, List<FieldError> violations) {
        if (date.isAfter(latestToday())) {
            violations.add(new FieldError(field, "must not be in the future"));
        }
    }

    /**
     * The schedule by year; when none is given, the whole amount falls in the year of the pledge. An entry is due by
     * the end of its year unless it says when, which must be within that year. The currency must be valid and the
     * amount already checked.
     */
    static List<YearAmount> schedule(BigDecimal amount, String currency, LocalDate pledgedOn,
                                     List<ScheduleEntryRequest> requested, List<FieldError> violations) {
        if (requested == null) {
            return List.of(new YearAmount(pledgedOn.getYear(), amount, endOf(pledgedOn.getYear())));
        }
        if (requested.isEmpty()) {
            violations.add(new FieldError("schedule", "must have at least one year, or be left out"));
            return List.of();
        }
        List<YearAmount> schedule = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < requested.size(); i++) {
            ScheduleEntryRequest entry = requested.get(i);
            String prefix = "schedule[" + i + "]";
            boolean nearThePledge = Math.abs((long) entry.year() - pledgedOn.getYear()) <= MAX_SCHEDULE_DISTANCE_YEARS;
            if (!nearThePledge) {
                violations.add(new FieldError(prefix + ".year", "must be within ten years of pledgedOn"));
            } else if (!years.add(entry.year())) {
                violations.add(new FieldError(prefix + ".year", "appears more than once"));
            }
            checkAmount(prefix + ".amount", entry.amount(), currency, violations);
            total = total.add(entry.amount());
            // A year far from the pledge may be no calendar year at all (2147483647): nothing is dated from it.
            if (nearThePledge) {
                LocalDate dueOn = entry.dueOn() == null ? endOf(entry.year()) : entry.dueOn();
                if (dueOn.getYear() != entry.year()) {
                    violations.add(new FieldError(prefix + ".dueOn", "must fall in its year " + entry.year()));
                }
                schedule.add(new YearAmount(entry.year(), entry.amount(), dueOn));
            }
        }
        if (total.compareTo(amount) != 0) {
            violations.add(new FieldError("schedule", "adds up to " + total.toPlainString()
                    + ", not to the amount " + amount.toPlainString()));
        }
        schedule.sort(Comparator.comparingInt(YearAmount::year));
        return schedule;
    }

    /** An instalment with no date of its own is due by the end of its year. */
    private static LocalDate endOf(int year) {
        return LocalDate.of(year, 12, 31);
    }

    private PledgeRules() {
    }
}
