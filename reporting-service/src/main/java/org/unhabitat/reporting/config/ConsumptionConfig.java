package org.unhabitat.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * How reporting reads its topics. Kafka client settings (bootstrap servers, security) come from the
 * {@code kafka.*} properties shared by every client of the service.
 */
@ConfigMapping(prefix = "reporting.consumption")
public interface ConsumptionConfig {

    /**
     * The topics reporting reads, each with the consumer group it reads it in. Declared here rather than
     * in code so that the deployment's checks see what each service consumes (its ACLs, its scaling bound).
     */
    Map<String, String> groups();

    /**
     * Records applied in one transaction at most: the larger, the fewer commits a replay waits for, and the
     * more memory each consumer's batch in flight holds.
     */
    @WithDefault("1000")
    int maxBatch();

    /**
     * Consumers of each topic in one instance, each with its own share of the partitions and its own
     * transaction. With one, the database and this JVM take turns on a batch, so a replay keeps about one
     * core busy; with two, one batch is folded here while the other is written there. Consumers beyond
     * the topic's partitions get none and wait.
     */
    @WithDefault("2")
    int consumersPerTopic();

    /** How long a poll waits for records when there are none. */
    @WithDefault("100ms")
    Duration pollTimeout();

    /** How soon a consumer that died is replaced in its group. */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How often the stored positions are copied to Kafka's committed offsets, which only monitoring reads
     * (consumer lag); partitions that leave a consumer get theirs at once.
     */
    @WithDefault("5s")
    Duration monitoringCommitInterval();

    /** How often an instance looks for a rebuild asked of another one. */
    @WithDefault("250ms")
    Duration generationCheckInterval();

    /** The wait after a failure the database or the broker may heal, doubling up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration firstBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
