package org.unhabitat.platform.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransientFailureRetryTest {

    @Test
    void aDatabaseThatIsDownIsWaitedForUntilTheEventApplies() {
        AtomicInteger attempts = new AtomicInteger();
        TransientFailureRetry.untilApplied(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("pool", new SQLException("connection refused", "08001"));
            }
        });
        assertEquals(3, attempts.get());
    }

    @Test
    void aFailureThatWouldRecurIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException unique = new IllegalStateException("constraint", new SQLException("duplicate key", "23505"));
        assertSame(unique, assertThrows(IllegalStateException.class, () -> TransientFailureRetry.untilApplied(() -> {
            attempts.incrementAndGet();
            throw unique;
        })));
        assertEquals(1, attempts.get());
        assertThrows(PoisonEventException.class, () -> TransientFailureRetry.untilApplied(() -> {
            throw new PoisonEventException("unreadable");
        }));
    }
}
