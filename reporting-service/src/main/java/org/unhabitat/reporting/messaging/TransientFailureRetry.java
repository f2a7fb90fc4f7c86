package org.unhabitat.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.messaging.events.PoisonEventException;

import java.time.Duration;

/**
 * Retries an event's application while the failure is transient (the database is restarting, say),
 * so that such an event is delayed rather than dead-lettered. The partition waits meanwhile, which
 * keeps the events of each aggregate in order.
 */
@ApplicationScoped
public class TransientFailureRetry {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    public void untilApplied(Runnable application) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                application.run();
                return;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warnf("Applying an event failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
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
