package org.unhabitat.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The positions this instance has yet to commit for its partitions, and the partitions it has just
 * rewound, each with the offset its replay starts from.
 *
 * <p>A seek does not discard the records the consumer had already fetched, and those still arrive
 * first: their positions lie beyond the replay's, and committing one would let an instance that takes
 * the partition over skip the rest of the replay. So no position is kept for such a partition until
 * the replay's first record arrives.
 *
 * <p>Commits are queued to the consumer's polling thread in the order they are issued. Draining and
 * issuing a commit happens under this object's monitor, and so does recording a rewind, so every
 * commit drained before a rewind is queued before the rewind's own commit of the beginning.
 */
@ApplicationScoped
public class CommittablePositions {

    private final Map<TopicPartition, Long> pending = new HashMap<>();
    private final Map<TopicPartition, Long> replayStarts = new HashMap<>();

    /** Keeps the position after this record, unless the partition's replay has not begun yet. */
    synchronized void applied(TopicPartition partition, long offset) {
        Long start = replayStarts.get(partition);
        if (start != null) {
            if (offset != start) {
                return;
            }
            replayStarts.remove(partition);
        }
        pending.put(partition, offset + 1);
    }

    synchronized void rewound(Map<TopicPartition, Long> beginnings) {
        replayStarts.putAll(beginnings);
        pending.keySet().removeAll(beginnings.keySet());
    }

    /** Hands the positions kept for these partitions to {@code commit}, once, under the monitor. */
    synchronized void drain(Collection<TopicPartition> partitions, Consumer<Map<TopicPartition, OffsetAndMetadata>> commit) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long position = pending.remove(partition);
            if (position != null) {
                positions.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!positions.isEmpty()) {
            commit.accept(positions);
        }
    }

    /** Hands the positions kept for one topic's partitions to {@code commit}, once, under the monitor. */
    synchronized void drain(String topic, Consumer<Map<TopicPartition, OffsetAndMetadata>> commit) {
        drain(pending.keySet().stream().filter(partition -> partition.topic().equals(topic)).toList(), commit);
    }

    /** A revoked partition is replayed, if at all, from whatever position its next owner finds committed. */
    synchronized void revoked(Collection<TopicPartition> partitions) {
        replayStarts.keySet().removeAll(partitions);
    }
}
