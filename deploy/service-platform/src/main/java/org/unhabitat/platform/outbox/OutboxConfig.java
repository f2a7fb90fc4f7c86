package org.unhabitat.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The outbox relay's pace. The topic is the one configured for the channel {@value OutboxRelay#CHANNEL}
 * (mp.messaging.outgoing.outbox.topic), and the relay runs only where platform.outbox.enabled=true.
 */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** How often the relay looks for events that are not yet published. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most events claimed and sent per round. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge an aggregate's events before it tries again later. */
    @WithDefault("20S")
    Duration sendTimeout();

    /**
     * How long a claim on an aggregate's events lasts. Another instance takes the aggregate over only
     * once it has expired, so it must outlast a round (the send timeout and the marking); it is what
     * the events of an instance that died mid-round wait before another instance sends them.
     */
    @WithDefault("30S")
    Duration lease();

    /** The longest the relay waits before sending an event again that the broker refused. */
    @WithDefault("30S")
    Duration maxRetryDelay();

    /** Published events are kept this long (for inspection and replays by hand), then deleted. */
    @WithDefault("7D")
    Duration retention();

    /** How often each instance deletes published events older than the retention. */
    @WithDefault("1H")
    Duration purgeInterval();

    /**
     * Names this instance in its claims, so that after a restart it takes back at once what it had
     * claimed before it stopped. Defaults to the host name and HTTP port; two live instances must
     * never share it.
     */
    Optional<String> instanceId();
}
