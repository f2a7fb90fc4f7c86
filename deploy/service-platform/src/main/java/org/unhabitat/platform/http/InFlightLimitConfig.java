package org.unhabitat.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many API requests one instance works on at once (InFlightLimit). */
@ConfigMapping(prefix = "platform.http.in-flight")
public interface InFlightLimitConfig {

    /**
     * Requests admitted at once. Far above what steady clients keep open, and above the burst that piles up while
     * the JVM collects garbage (about 150 at the bench's highest rate), yet a bound on the heap and on each wait.
     */
    @WithDefault("256")
    int max();

    /** What a refused client is told to wait before it retries. */
    @WithDefault("1")
    int retryAfterSeconds();
}
