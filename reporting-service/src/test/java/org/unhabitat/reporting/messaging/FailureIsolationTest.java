package org.unhabitat.reporting.messaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FailureIsolationTest {

    private final List<List<Integer>> attempts = new ArrayList<>();
    private final List<Integer> applied = new ArrayList<>();
    private final List<Integer> unapplicable = new ArrayList<>();

    @Test
    void aBatchIsHalvedUntilTheFailingItemStandsAloneAndEveryOtherItemIsAppliedInOrder() {
        isolating(Set.of(3)).apply(List.of(1, 2, 3, 4, 5));

        assertEquals(List.of(List.of(1, 2, 3, 4, 5), List.of(1, 2), List.of(3, 4, 5), List.of(3), List.of(3), List.of(4, 5)), attempts);
        assertEquals(List.of(1, 2, 4, 5), applied);
        assertEquals(List.of(3), unapplicable);
    }

    @Test
    void aBatchThatAppliesIsAttemptedOnce() {
        isolating(Set.of()).apply(List.of(1, 2, 3));

        assertEquals(List.of(List.of(1, 2, 3)), attempts);
        assertEquals(List.of(1, 2, 3), applied);
    }

    @Test
    void anItemThatFailsOnlyOnceIsAppliedOnItsSecondTryAlone() {
        Set<Integer> failOnce = new HashSet<>(Set.of(2));
        new FailureIsolation<Integer>(batch -> {
            attempts.add(List.copyOf(batch));
            if (batch.stream().anyMatch(failOnce::remove)) {
                throw new IllegalStateException("a race with another writer");
            }
            applied.addAll(batch);
        }, (item, failure) -> unapplicable.add(item), failure -> false).apply(List.of(2));

        assertEquals(List.of(2), applied);
        assertEquals(List.of(), unapplicable);
    }

    @Test
    void aFailureTimeMayHealIsThrownAtOnceSoThatTheWholeBatchIsRetried() {
        IllegalStateException databaseDown = new IllegalStateException("connection refused");
        FailureIsolation<Integer> isolation = new FailureIsolation<>(batch -> {
            attempts.add(List.copyOf(batch));
            throw databaseDown;
        }, (item, failure) -> unapplicable.add(item), failure -> failure == databaseDown);

        assertSame(databaseDown, assertThrows(IllegalStateException.class, () -> isolation.apply(List.of(1, 2, 3))));
        assertEquals(List.of(List.of(1, 2, 3)), attempts);
        assertEquals(List.of(), unapplicable);
    }

    private FailureIsolation<Integer> isolating(Set<Integer> failing) {
        return new FailureIsolation<>(batch -> {
            attempts.add(List.copyOf(batch));
            if (batch.stream().anyMatch(failing::contains)) {
                throw new IllegalStateException("numeric field overflow");
            }
            applied.addAll(batch);
        }, (item, failure) -> unapplicable.add(item), failure -> false);
    }
}
