package org.unhabitat.chaos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What clients were told: every pledge and payment acknowledged with a 2xx, and each pledge's
 * schedule and payments as the client believes them to be. The ledger must hold exactly this.
 */
final class Book {

    /** One acknowledged pledge; only the worker that recorded it changes it. */
    static final class TrackedPledge {
        final UUID id;
        final String reference;
        final String currency;
        final LocalDate pledgedOn;
        final Map<Integer, BigDecimal> scheduled = new TreeMap<>();
        final Map<Integer, BigDecimal> paid = new TreeMap<>();
        volatile boolean cancelled;
        volatile int version = 1;

        TrackedPledge(UUID id, String reference, String currency, LocalDate pledgedOn, Map<Integer, BigDecimal> schedule) {
            this.id = id;
            this.reference = reference;
            this.currency = currency;
            this.pledgedOn = pledgedOn;
            scheduled.putAll(schedule);
            schedule.keySet().forEach(year -> paid.put(year, BigDecimal.ZERO.setScale(2)));
        }

        BigDecimal outstanding(int year) {
            return scheduled.get(year).subtract(paid.get(year));
        }

        boolean owesSomething() {
            return !cancelled && scheduled.keySet().stream().anyMatch(year -> outstanding(year).signum() > 0);
        }
    }

    final Map<UUID, TrackedPledge> pledges = new ConcurrentHashMap<>();
    final Set<UUID> payments = ConcurrentHashMap.newKeySet();
    /** References of pledges whose request was never answered with a 2xx: they may or may not be in the ledger. */
    final Set<String> unansweredReferences = ConcurrentHashMap.newKeySet();

    int acknowledged() {
        return pledges.size() + payments.size();
    }
}
