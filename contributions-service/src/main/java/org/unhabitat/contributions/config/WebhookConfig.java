package org.unhabitat.contributions.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How webhooks are delivered, retried and guarded (application.properties, prefix webhooks). */
@ConfigMapping(prefix = "webhooks")
public interface WebhookConfig {

    /**
     * Whether http://127.0.0.1 is an acceptable endpoint, for a developer's own listener in the local run and in
     * tests. Off in production, where only https to public addresses is.
     */
    boolean localReceiverAllowed();

    FanOut fanOut();

    Delivery delivery();

    Retry retry();

    /** An endpoint all of whose attempts failed for this long is disabled. */
    Duration disableAfter();

    /** How often instalments are checked for being overdue. */
    String overdueSweep();

    interface FanOut {

        /** Published events fanned out in one transaction at most; as many again wait for the next batch. */
        int maxBatch();
    }

    interface Delivery {

        /** How often the queue is read for due deliveries. */
        String pollInterval();

        /** Deliveries in flight at once per instance: a hanging receiver holds one of these, never an API thread. */
        int concurrency();

        /** Connecting, and then waiting for each part of the answer, each end within this. */
        Duration timeout();

        /** A leased delivery is due again after this, should its instance die mid-attempt. */
        Duration lease();
    }

    interface Retry {

        /** The wait after the first failure; it doubles with each further failure, up to {@link #maxDelay()}. */
        Duration initialDelay();

        Duration maxDelay();

        /** A message is retried until this long after its first attempt, then marked failed and the next one goes. */
        Duration giveUpAfter();
    }
}
