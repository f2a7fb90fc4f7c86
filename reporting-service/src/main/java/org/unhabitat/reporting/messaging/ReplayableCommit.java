package org.unhabitat.reporting.messaging;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * Commits, once a second, the position after the last record of each partition that was applied or
 * dead-lettered, like SmallRye's {@code throttled} strategy, but also when it is lower than the
 * position committed before. A rebuild seeks partitions back to their beginning, and the built-in
 * strategies ignore offsets below those they have already seen: the group's position would stay at
 * the old end during the replay, so an instance dying halfway would leave the rest of the replay to
 * nobody, or it would stay at the beginning after the replay and hold month-end snapshots back. The
 * records of a partition are applied one at a time ({@link EventConsumers}), so the last one
 * acknowledged is a safe position, except for records fetched before a rewind
 * ({@link CommittablePositions}). A crash loses at most a second of commits: those records are
 * delivered again, and the inbox drops them.
 */
public class ReplayableCommit implements KafkaCommitHandler {

    public static final String STRATEGY = "replayable";
    private static final long COMMIT_INTERVAL_MS = 1000;
    private static final Logger LOG = Logger.getLogger(ReplayableCommit.class);

    private final KafkaConsumer<?, ?> consumer;
    private final CommittablePositions positions;
    private final String topic;
    private final Vertx vertx;
    private final long timer;

    ReplayableCommit(KafkaConsumer<?, ?> consumer, CommittablePositions positions, String topic, Vertx vertx) {
        this.consumer = consumer;
        this.positions = positions;
        this.topic = topic;
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(COMMIT_INTERVAL_MS, tick -> commitPending());
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        positions.applied(new TopicPartition(record.getTopic(), record.getPartition()), record.getOffset());
        return Uni.createFrom().voidItem();
    }

    /** Called on the polling thread before the partitions go to another member: commit what is kept for them now. */
    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        positions.drain(partitions, revoked -> consumer.unwrap().commitSync(revoked));
        positions.revoked(partitions);
    }

    @Override
    public void terminate(boolean graceful) {
        vertx.cancelTimer(timer);
        commitPending();
    }

    private void commitPending() {
        positions.drain(topic, pending -> consumer.commitAsync(pending).subscribe().with(
                committed -> { },
                failure -> LOG.debugf("Positions %s not committed (%s); those records may be delivered again",
                        pending, failure.getMessage())));
    }

    @ApplicationScoped
    @Unremovable
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        private final CommittablePositions positions;

        public Factory(CommittablePositions positions) {
            this.positions = positions;
        }

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                         KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            String topic = config.getTopic().orElseThrow(() -> new IllegalStateException(
                    "The " + STRATEGY + " commit strategy needs the channel's topic"));
            return new ReplayableCommit(consumer, positions, topic, vertx);
        }
    }
}
