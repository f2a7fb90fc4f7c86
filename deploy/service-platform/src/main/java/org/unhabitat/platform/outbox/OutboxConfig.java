package org.unhabitat.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The outbox relay's pace. The topic is the one configured for the channel {@value OutboxRelay#CHANNEL}
 * (mp.messaging.outgoing.outbox.topic), and the relay runs only where platform.outbox.enabled=true.
 */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** How often the relay looks for events that are not yet published. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most events published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements before it retries the batch. */
    @WithDefault("20S")
    Duration sendTimeout();
}
