package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.repository.DeadLetterRepository;
import org.unhabitat.reporting.repository.PositionRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the read model holds every event published so far: each partition's stored position has
 * reached the partition's end, across all instances, and no valid event waits parked. A rebuild resets
 * the stored positions in the same transaction that empties the model, so a replay under way is simply
 * a position behind its end.
 */
@ApplicationScoped
public class ConsumptionStatus {

    /** {@code behind} says what is missing, for logs and for the answer to a client; empty when caught up. */
    public record CatchUp(List<String> behind) {

        public boolean caughtUp() {
            return behind.isEmpty();
        }
    }

    private final PositionRepository positions;
    private final DeadLetterRepository deadLetters;
    private final TopicEnds topicEnds;

    public ConsumptionStatus(PositionRepository positions, DeadLetterRepository deadLetters, TopicEnds topicEnds) {
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.topicEnds = topicEnds;
    }

    public CatchUp catchUp() {
        Map<String, Map<Integer, Long>> ends;
        try {
            ends = topicEnds.endOffsets();
        } catch (IllegalStateException unreachable) {
            return brokerSilent();
        }
        return QuarkusTransaction.requiringNew().call(() -> catchUpWith(ends));
    }

    public boolean caughtUp() {
        return catchUp().caughtUp();
    }

    /** The topics' ends as the broker knows them now, or null if it cannot say. */
    Map<String, Map<Integer, Long>> endsNow() {
        try {
            return topicEnds.endOffsets();
        } catch (IllegalStateException unreachable) {
            return null;
        }
    }

    static CatchUp brokerSilent() {
        return new CatchUp(List.of("the broker cannot say where the topics end"));
    }

    /** Compares the stored positions that this transaction sees with {@code ends}. */
    @Transactional(Transactional.TxType.MANDATORY)
    CatchUp catchUpWith(Map<String, Map<Integer, Long>> ends) {
        Map<String, Map<Integer, Long>> stored = positions.all();
        List<String> behind = new ArrayList<>();
        new TreeMap<>(ends).forEach((topic, partitions) -> new TreeMap<>(partitions).forEach((partition, end) -> {
            long position = stored.getOrDefault(topic, Map.of()).getOrDefault(partition, 0L);
            if (position < end) {
                behind.add(topic + "-" + partition + " stands at offset " + position + " of " + end);
            }
        }));
        long parked = deadLetters.countByKind().get(DeadLetterRepository.PARKED);
        if (parked > 0) {
            behind.add(parked + " valid events are parked as dead letters and wait to be redriven");
        }
        return new CatchUp(behind);
    }
}
