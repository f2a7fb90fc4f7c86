package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.messaging.ConsumerControl;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rebuilds the read model from the topics: empties every derived table and the inbox, then replays
 * both topics from their beginning. Month-end snapshots are frozen and survive a rebuild.
 *
 * <p>With several instances in the consumer group, each owns some partitions, and only the owner can
 * rewind one. So the rebuild records every partition as to be replayed, in the same transaction that
 * empties the model, and each instance rewinds the recorded partitions it owns, now and every second,
 * which also covers a partition that moves to another instance before its owner got to it.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final EntityManager entityManager;
    private final ConsumerControl consumers;

    public RebuildService(EntityManager entityManager, ConsumerControl consumers) {
        this.entityManager = entityManager;
        this.consumers = consumers;
    }

    public void rebuild() {
        emptyReadModelAndRequestReplay(consumers.partitions());
        LOG.info("Read model emptied; replaying targets.events and contributions.events from the beginning");
        replayRequestedPartitions();
    }

    /** TRUNCATE waits for any event being applied, so none is half in the old model and half in the new. */
    @Transactional
    void emptyReadModelAndRequestReplay(Set<TopicPartition> partitions) {
        entityManager.createNativeQuery("""
                TRUNCATE inbox_event, plan_target, annual_target, approved_budget, contributor, pledge_entry, pledge,
                         payment, line_income_by_day, income_by_day, pledge_book""").executeUpdate();
        for (TopicPartition partition : partitions) {
            entityManager.createNativeQuery("""
                            INSERT INTO partition_replay (topic, partition_no) VALUES (:topic, :partition)
                            ON CONFLICT (topic, partition_no) DO UPDATE SET requested_at = now()""")
                    .setParameter("topic", partition.topic())
                    .setParameter("partition", partition.partition())
                    .executeUpdate();
        }
    }

    @Scheduled(every = "1s", identity = "partition-replay", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replayRequestedPartitions() {
        try {
            rewindRequestedPartitionsOwnedHere();
        } catch (RuntimeException unreachable) {
            // The database or the broker is down; a requested replay stays recorded and is done once they are back.
            LOG.debugf("Requested replays not checked: %s", unreachable.getMessage());
        }
    }

    /** One at a time per instance: the rebuild's own call and the scheduled one would rewind the same partitions twice. */
    private synchronized void rewindRequestedPartitionsOwnedHere() {
        Set<TopicPartition> requested = requestedReplays();
        if (requested.isEmpty()) {
            return;
        }
        Set<TopicPartition> rewound = consumers.rewindOwned(requested);
        if (!rewound.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> rewound.forEach(partition -> entityManager.createNativeQuery(
                            "DELETE FROM partition_replay WHERE topic = :topic AND partition_no = :partition")
                    .setParameter("topic", partition.topic())
                    .setParameter("partition", partition.partition())
                    .executeUpdate()));
            LOG.infof("Replaying %s from the beginning", rewound.stream().map(TopicPartition::toString).sorted().toList());
        }
    }

    /** Whether some partition a rebuild asked for has not been rewound yet, by whichever instance owns it. */
    public boolean replayPending() {
        return !requestedReplays().isEmpty();
    }

    private Set<TopicPartition> requestedReplays() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("SELECT topic, partition_no FROM partition_replay")
                    .getResultList();
            return rows.stream().map(row -> new TopicPartition((String) row[0], ((Number) row[1]).intValue()))
                    .collect(Collectors.toSet());
        });
    }
}
