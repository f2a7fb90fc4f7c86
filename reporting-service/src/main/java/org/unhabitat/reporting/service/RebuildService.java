package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.messaging.ConsumerControl;
import org.unhabitat.reporting.repository.ReplayRepository;

import java.util.Set;

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

    private final ReplayRepository replays;
    private final ConsumerControl consumers;

    public RebuildService(ReplayRepository replays, ConsumerControl consumers) {
        this.replays = replays;
        this.consumers = consumers;
    }

    public void rebuild() {
        emptyReadModelAndRequestReplay(consumers.partitions());
        LOG.info("Read model emptied; replaying targets.events and contributions.events from the beginning");
        replayRequestedPartitions();
    }

    @Transactional
    void emptyReadModelAndRequestReplay(Set<TopicPartition> partitions) {
        replays.emptyReadModel();
        partitions.forEach(replays::requestReplay);
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
            QuarkusTransaction.requiringNew().run(() -> rewound.forEach(replays::replayStarted));
            LOG.infof("Replaying %s from the beginning", rewound.stream().map(TopicPartition::toString).sorted().toList());
        }
    }

    /** Whether some partition a rebuild asked for has not been rewound yet, by whichever instance owns it. */
    public boolean replayPending() {
        return !requestedReplays().isEmpty();
    }

    private Set<TopicPartition> requestedReplays() {
        return QuarkusTransaction.requiringNew().call(replays::requestedReplays);
    }
}
