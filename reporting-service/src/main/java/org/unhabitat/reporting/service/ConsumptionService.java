package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.messaging.events.ConsumedRecord;
import org.unhabitat.reporting.messaging.events.DecodedRecord;
import org.unhabitat.reporting.messaging.events.DecodedRecord.Applicable;
import org.unhabitat.reporting.messaging.events.DecodedRecord.Rejected;
import org.unhabitat.reporting.repository.DeadLetterRepository;
import org.unhabitat.reporting.repository.DeadLetterRepository.Failure;
import org.unhabitat.reporting.repository.PositionRepository;
import org.unhabitat.reporting.repository.PositionRepository.StoredPosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Consumption with its positions kept in the read model's own database: each batch of records is applied,
 * and the positions after it stored, in one transaction. Where consumption resumes after a crash, a
 * rebalance or a rebuild is whatever was stored last, never what Kafka remembers.
 *
 * <p>A consumer may hold records that are no longer its to apply: fetched before a seek, or before its
 * partition moved to another instance. So each record's offset is checked against the stored position
 * under that position's row lock, and skipped if it is behind; and a batch read for an older generation
 * of the read model is not applied at all.
 */
@ApplicationScoped
public class ConsumptionService {

    /**
     * What a batch did. {@code stalePartitions} were read for another generation than the stored one:
     * their consumer must seek to the stored positions. {@code nextOffsets} are the positions now stored.
     */
    public record BatchOutcome(Set<Integer> stalePartitions, Map<Integer, Long> nextOffsets, int applied, int rejected) {
    }

    private final PositionRepository positions;
    private final ReadModelUpdater updater;
    private final DeadLetterRepository deadLetters;

    public ConsumptionService(PositionRepository positions, ReadModelUpdater updater, DeadLetterRepository deadLetters) {
        this.positions = positions;
        this.updater = updater;
        this.deadLetters = deadLetters;
    }

    /** Where to resume each of these partitions: stored positions, a partition never seen at its beginning. */
    @Transactional
    public Map<Integer, StoredPosition> positions(String topic, Collection<Integer> partitions) {
        return positions.lock(topic, partitions);
    }

    @Transactional
    public long generation() {
        return positions.generation();
    }

    /**
     * Applies one batch of a topic's records, given in offset order within each partition, and stores the
     * position after each partition's last record. Rejected records are listed as dead letters.
     *
     * @param generations the generation each partition's records were read for, from its last seek
     */
    @Transactional
    public BatchOutcome apply(String topic, Map<Integer, Long> generations, List<DecodedRecord> records) {
        Set<Integer> partitions = new TreeSet<>();
        records.forEach(record -> partitions.add(record.record().partition()));
        Map<Integer, StoredPosition> stored = positions.lock(topic, partitions);
        Set<Integer> stale = new HashSet<>();
        for (Integer partition : partitions) {
            Long readFor = generations.get(partition);
            if (readFor == null || readFor != stored.get(partition).generation()) {
                stale.add(partition);
            }
        }
        List<Applicable> events = new ArrayList<>();
        List<Failure> rejected = new ArrayList<>();
        Map<Integer, List<Long>> appliedOffsets = new HashMap<>();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        for (DecodedRecord decoded : records) {
            ConsumedRecord record = decoded.record();
            if (stale.contains(record.partition()) || record.offset() < stored.get(record.partition()).nextOffset()) {
                continue;
            }
            if (decoded instanceof Applicable event) {
                events.add(event);
                appliedOffsets.computeIfAbsent(record.partition(), partition -> new ArrayList<>()).add(record.offset());
            } else if (decoded instanceof Rejected poison) {
                rejected.add(failure(record, DeadLetterRepository.REJECTED, null, poison.reason()));
            }
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        }
        int applied = updater.apply(events);
        deadLetters.forgetApplied(topic, appliedOffsets);
        deadLetters.record(rejected);
        positions.advance(topic, nextOffsets);
        return new BatchOutcome(stale, nextOffsets, applied, rejected.size());
    }

    /**
     * Lists a valid event that could not be applied, and moves its partition's position past it, in one
     * transaction: consumption goes on, and the event waits to be redriven.
     *
     * @return false if its partition was read for another generation, and nothing was done
     */
    @Transactional
    public boolean park(long generation, Applicable event, String reason) {
        ConsumedRecord record = event.record();
        StoredPosition stored = positions.lock(record.topic(), List.of(record.partition())).get(record.partition());
        if (stored.generation() != generation) {
            return false;
        }
        if (record.offset() >= stored.nextOffset()) {
            deadLetters.record(List.of(failure(record, DeadLetterRepository.PARKED, event.type(), reason)));
            positions.advance(record.topic(), Map.of(record.partition(), record.offset() + 1));
        }
        return true;
    }

    private static Failure failure(ConsumedRecord record, String kind, String type, String reason) {
        return new Failure(record.id(), record.topic(), record.partition(), record.offset(), kind,
                type != null ? type : record.header("ce_type"), record.key(), record.headers(), record.value(), reason);
    }
}
