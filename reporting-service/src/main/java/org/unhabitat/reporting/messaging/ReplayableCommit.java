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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Commits the position after each record that was applied or dead-lettered, like SmallRye's
 * {@code latest} strategy, but also when it is lower than the position committed before. A rebuild
 * seeks partitions back to their beginning, and the built-in strategies ignore offsets below those
 * they have already seen: the group's position would stay at the old end during the replay, so an
 * instance dying halfway would leave the rest of the replay to nobody, or it would stay at the
 * beginning after the replay and hold month-end snapshots back. The records of a partition are
 * applied one at a time ({@link EventConsumers}), so the last one acknowledged is a safe position.
 */
public class ReplayableCommit implements KafkaCommitHandler {

    public static final String STRATEGY = "replayable";
    private static final Logger LOG = Logger.getLogger(ReplayableCommit.class);

    private final KafkaConsumer<?, ?> consumer;

    ReplayableCommit(KafkaConsumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
        long next = record.getOffset() + 1;
        consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(next))).subscribe().with(
                committed -> { },
                failure -> LOG.debugf("Position %d of %s not committed (%s); the record may be delivered again",
                        next, partition, failure.getMessage()));
        return Uni.createFrom().voidItem();
    }

    @ApplicationScoped
    @Unremovable
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                         KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            return new ReplayableCommit(consumer);
        }
    }
}
