package org.unhabitat.reporting.messaging;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies a batch in one attempt; if that fails for a reason time will not heal, applies each half, and
 * so on down to single items, so that one bad item costs its neighbours nothing. A single item that
 * fails is tried once more, alone, and then handed over as what could not be applied. Halves keep the
 * batch's order, so items stay in order wherever the batch was ordered.
 */
final class FailureIsolation<T> {

    /** What could not be applied, and why. */
    interface Unapplicable<T> {
        void accept(T item, RuntimeException failure);
    }

    private final Consumer<List<T>> attempt;
    private final Unapplicable<T> unapplicable;
    private final Predicate<Throwable> timeMayHeal;

    /**
     * @param attempt      applies a whole list or throws, changing nothing
     * @param unapplicable takes an item that failed alone twice
     * @param timeMayHeal  a failure it tells apart is thrown on at once, for the whole batch to be retried
     */
    FailureIsolation(Consumer<List<T>> attempt, Unapplicable<T> unapplicable, Predicate<Throwable> timeMayHeal) {
        this.attempt = attempt;
        this.unapplicable = unapplicable;
        this.timeMayHeal = timeMayHeal;
    }

    void apply(List<T> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            attempt.accept(batch);
        } catch (RuntimeException e) {
            if (timeMayHeal.test(e)) {
                throw e;
            }
            if (batch.size() == 1) {
                applyAloneAgain(batch.get(0), e);
                return;
            }
            int half = batch.size() / 2;
            apply(batch.subList(0, half));
            apply(batch.subList(half, batch.size()));
        }
    }

    /** What failed may have been a race with another writer of the same rows, which a second try no longer meets. */
    private void applyAloneAgain(T item, RuntimeException failure) {
        try {
            attempt.accept(List.of(item));
        } catch (RuntimeException again) {
            if (timeMayHeal.test(again)) {
                throw again;
            }
            again.addSuppressed(failure);
            unapplicable.accept(item, again);
        }
    }
}
