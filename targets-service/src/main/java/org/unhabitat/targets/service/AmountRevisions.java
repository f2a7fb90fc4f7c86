package org.unhabitat.targets.service;

import org.unhabitat.targets.repository.AmountRevision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/** The revision rule every revisable amount follows: a new amount is the next revision; the current amount is no change. */
final class AmountRevisions {

    /**
     * The revision that follows {@code current} with the given amount, not yet persisted; empty when the amount equals
     * the current one (compared as numbers: "5000000" equals "5000000.00"), whatever the reason.
     *
     * @param blank a new revision of the same subject (the figure or the programme and year), numbered and filled here
     */
    static <R extends AmountRevision> Optional<R> next(Optional<R> current, BigDecimal amountUsd, String reason,
                                                         String changedBy, Supplier<R> blank) {
        BigDecimal amount = amountUsd.setScale(2, RoundingMode.UNNECESSARY);
        if (current.isPresent() && current.get().amountUsd.compareTo(amount) == 0) {
            return Optional.empty();
        }
        R revision = blank.get();
        revision.revision = current.map(previous -> previous.revision + 1).orElse(1);
        revision.amountUsd = amount;
        revision.changedBy = changedBy;
        // The database keeps microseconds: the response and the event must show what a later read shows.
        revision.changedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        revision.reason = reason;
        return Optional.of(revision);
    }

    private AmountRevisions() {
    }
}
