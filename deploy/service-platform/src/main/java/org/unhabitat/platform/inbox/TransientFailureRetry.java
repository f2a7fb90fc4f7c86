package org.unhabitat.platform.inbox;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Applies a consumed event again while its failure is transient (the database restarting, a serialization failure),
 * so the event is delayed rather than dead-lettered; the partition waits meanwhile, which keeps each aggregate's
 * events in order. Any other failure would fail the same way on every retry and is thrown at once.
 */
public final class TransientFailureRetry {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    public static void untilApplied(Runnable application) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                application.run();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("Applying an event failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** SQLSTATE classes: connection exception, operator intervention, transaction rollback, insufficient resources. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("40")
                        || state.startsWith("53");
            }
        }
        return false;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to apply an event again", e);
        }
    }

    private TransientFailureRetry() {
    }
}
