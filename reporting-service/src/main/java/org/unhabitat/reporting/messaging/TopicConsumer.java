package org.unhabitat.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.config.ConsumptionConfig;
import org.unhabitat.reporting.messaging.events.ConsumedRecord;
import org.unhabitat.reporting.messaging.events.DecodedRecord;
import org.unhabitat.reporting.messaging.events.EventDecoder;
import org.unhabitat.reporting.repository.PositionRepository.StoredPosition;
import org.unhabitat.reporting.service.ConsumptionService;
import org.unhabitat.reporting.service.ConsumptionService.BatchOutcome;
import org.unhabitat.reporting.service.Failures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One topic's consumer: a plain Kafka consumer on a thread of its own, so that this code alone decides
 * where each partition is read from. Positions live in PostgreSQL ({@link ConsumptionService}); a
 * partition is read only after a seek to its stored position, and is paused until then. It is sought
 * again whenever its position may have moved elsewhere: when it is assigned here, when the read model's
 * generation changes (a rebuild), and after any failure. Kafka's committed offsets follow the stored
 * positions, for monitoring only.
 *
 * <p>Each poll is applied as one transaction. A batch that fails for a reason time will not heal is
 * split in halves until the failing record stands alone ({@link FailureIsolation}); that one is parked as a
 * dead letter and consumption goes on. A failure time may heal (the database restarting) is retried after a backoff,
 * from the stored positions.
 */
final class TopicConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);

    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final ConsumptionConfig settings;
    private final ConsumptionService consumption;
    private final EventDecoder decoder;
    private final DeadLetterTopic deadLetterTopic;

    private final AtomicBoolean generationCheckDue = new AtomicBoolean(true);
    private final Set<TopicPartition> unsought = new HashSet<>();
    private final Map<Integer, Long> generations = new HashMap<>();
    private volatile boolean running = true;
    private volatile Instant lastPoll = Instant.now();
    private volatile String lastFailure;
    private KafkaConsumer<String, String> consumer;
    private long knownGeneration = -1;
    private Instant lastGenerationCheck = Instant.MIN;

    TopicConsumer(String topic, String group, Map<String, Object> kafkaConfig, ConsumptionConfig settings,
                  ConsumptionService consumption, EventDecoder decoder, DeadLetterTopic deadLetterTopic) {
        this.topic = topic;
        this.settings = settings;
        this.consumption = consumption;
        this.decoder = decoder;
        this.deadLetterTopic = deadLetterTopic;
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only for a sought position the broker no longer has: the topics are kept forever, so only after a repair.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID());
        this.kafkaConfig = config;
    }

    String topic() {
        return topic;
    }

    /** Whether the loop ran recently; it polls at least every poll timeout while it runs. */
    boolean alive(Duration within) {
        return running && lastPoll.isAfter(Instant.now().minus(within));
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Makes the loop look at the read model's generation before its next poll. */
    void checkGenerationNow() {
        generationCheckDue.set(true);
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        Duration backoff = settings.firstBackoff();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kafkaConfig)) {
            consumer = kafka;
            kafka.subscribe(List.of(topic), new Rebalance());
            while (running) {
                try {
                    lookForANewGeneration();
                    seekUnsoughtPartitions();
                    ConsumerRecords<String, String> records = kafka.poll(settings.pollTimeout());
                    lastPoll = Instant.now();
                    if (!records.isEmpty()) {
                        apply(records);
                    }
                    backoff = settings.firstBackoff();
                    lastFailure = null;
                } catch (WakeupException wakeUp) {
                    // stop() or checkGenerationNow(): the loop condition and the generation check come next.
                } catch (RuntimeException e) {
                    lastFailure = Failures.rootMessage(e);
                    LOG.warnf("Consuming %s paused for %d ms; it resumes from the stored positions: %s", topic,
                            backoff.toMillis(), lastFailure);
                    seekAgain(kafka.assignment());
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "The consumer of %s stopped", topic);
            lastFailure = Failures.rootMessage(e);
        } finally {
            running = false;
            consumer = null;
        }
    }

    private void lookForANewGeneration() {
        Instant now = Instant.now();
        if (!generationCheckDue.getAndSet(false) && now.isBefore(lastGenerationCheck.plus(settings.generationCheckInterval()))) {
            return;
        }
        lastGenerationCheck = now;
        long generation = consumption.generation();
        if (generation != knownGeneration) {
            if (knownGeneration >= 0) {
                LOG.infof("The read model moved to generation %d: %s is read again from its stored positions", generation, topic);
            }
            knownGeneration = generation;
            seekAgain(consumer.assignment());
        }
    }

    /** Pauses partitions until they are sought to their stored positions: nothing is read from elsewhere. */
    private void seekAgain(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        consumer.pause(partitions);
        unsought.addAll(partitions);
        partitions.forEach(partition -> generations.remove(partition.partition()));
    }

    private void seekUnsoughtPartitions() {
        unsought.retainAll(consumer.assignment());
        if (unsought.isEmpty()) {
            return;
        }
        Map<Integer, StoredPosition> stored = consumption.positions(topic,
                unsought.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        for (TopicPartition partition : unsought) {
            StoredPosition position = stored.get(partition.partition());
            consumer.seek(partition, position.nextOffset());
            generations.put(partition.partition(), position.generation());
        }
        consumer.resume(unsought);
        LOG.debugf("%s resumes at %s", topic, stored);
        unsought.clear();
    }

    private void apply(ConsumerRecords<String, String> records) {
        List<DecodedRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(decoder.decode(ConsumedRecord.of(record)));
        }
        batch.sort(Comparator.comparingInt((DecodedRecord decoded) -> decoded.record().partition())
                .thenComparingLong(decoded -> decoded.record().offset()));
        Map<Integer, Long> positions = new HashMap<>();
        AtomicBoolean rejected = new AtomicBoolean();
        new FailureIsolation<DecodedRecord>(part -> {
            BatchOutcome outcome = consumption.apply(topic, Map.copyOf(generations), part);
            positions.putAll(outcome.nextOffsets());
            if (!outcome.stalePartitions().isEmpty()) {
                seekAgain(outcome.stalePartitions().stream().map(partition -> new TopicPartition(topic, partition)).toList());
            }
            if (outcome.rejected() > 0) {
                rejected.set(true);
            }
        }, (record, failure) -> park(record, failure, positions), Failures::isTransient).apply(batch);
        if (!positions.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            positions.forEach((partition, next) -> offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(next)));
            consumer.commitAsync(offsets, (committed, failure) -> {
                if (failure != null) {
                    LOG.debugf("Monitoring offsets of %s not committed: %s", topic, failure.getMessage());
                }
            });
        }
        if (rejected.get()) {
            deadLetterTopic.publishPending();
        }
    }

    /** Lists a valid event that cannot be applied and moves past it; consumption goes on. */
    private void park(DecodedRecord decoded, RuntimeException failure, Map<Integer, Long> positions) {
        if (!(decoded instanceof DecodedRecord.Applicable event)) {
            throw failure;
        }
        ConsumedRecord record = event.record();
        Long generation = generations.get(record.partition());
        if (generation == null) {
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Event %s (%s at %s) could not be applied and is parked as a dead letter; incident %s",
                event.eventId(), event.type(), record.id(), incident);
        if (consumption.park(generation, event, Failures.reasonNotApplied(failure, incident))) {
            positions.merge(record.partition(), record.offset() + 1, Math::max);
        } else {
            seekAgain(List.of(new TopicPartition(topic, record.partition())));
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called on this loop's thread, inside poll. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekAgain(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            unsought.removeAll(partitions);
            partitions.forEach(partition -> generations.remove(partition.partition()));
        }
    }
}
