package org.unhabitat.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.messaging.events.PoisonEventException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Retries an event's application while the failure is transient (the database is restarting, say),
 * so that such an event is delayed rather than dead-lettered. The partition waits meanwhile, which
 * keeps the events of each aggregate in order. Any other failure would fail the same way on every
 * retry, so it makes the event poison instead of wedging the partition.
 */
@ApplicationScoped
public class TransientFailureRetry {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** SQLSTATE classes: connection exception, operator intervention, transaction rollback, insufficient resources. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "57", "40", "53");

    public void untilApplied(Runnable application) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                application.run();
                return;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw new PoisonEventException("Cannot be applied: " + rootMessage(e), e);
                }
                LOG.warnf("Applying an event failed, retrying in %d ms: %s", backoff.toMillis(), rootMessage(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry an event", e);
        }
    }
}
