package org.unhabitat.targets.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** How often the relay looks for events that are not yet published. */
    Duration pollInterval();

    /** Most events published per relay transaction. */
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements before it retries the batch. */
    Duration sendTimeout();
}
