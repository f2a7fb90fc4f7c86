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
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One topic's consumer: a plain Kafka consumer on a thread of its own, so that this code alone decides
 * where each partition is read from. Positions live in PostgreSQL ({@link ConsumptionService}); a
 * partition is read only after a seek to its stored position, and is paused until then. It is sought
 * again whenever its position may have moved elsewhere: when it is assigned here, when the read model's
 * generation changes (a rebuild), and after any failure. Kafka's committed offsets follow the stored
 * positions, for monitoring only: at most once per {@link ConsumptionConfig#monitoringCommitInterval()},
 * and whenever partitions leave this consumer.
 *
 * <p>Each poll is applied as one transaction, on a thread of its own, while this one fetches and reads
 * the next poll; batches are applied one after the other, in the order they were polled. A batch that
 * fails for a reason time will not heal is split in halves until the failing record stands alone
 * ({@link FailureIsolation}); that one is parked as a dead letter and consumption goes on. A failure time
 * may heal (the database restarting) is retried after a backoff, from the stored positions.
 */
final class TopicConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);
    /** Figures only monitoring reads are not worth holding a rebalance or a shutdown up for longer. */
    private static final Duration MONITORING_COMMIT_WAIT = Duration.ofSeconds(2);

    /** What applying one poll's records came to, for the polling thread to act on. */
    private record Applied(Map<Integer, Long> positions, Set<Integer> stalePartitions, boolean rejected) {
    }

    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final ConsumptionConfig settings;
    private final ConsumptionService consumption;
    private final EventDecoder decoder;
    private final DeadLetterTopic deadLetterTopic;
    private final ExecutorService applier;

    private final AtomicBoolean generationCheckDue = new AtomicBoolean(true);
    private final Set<TopicPartition> unsought = new HashSet<>();
    private final Map<Integer, Long> generations = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> uncommittedForMonitoring = new HashMap<>();
    private Instant lastMonitoringCommit = Instant.MIN;
    private volatile boolean running = true;
    private volatile Instant lastPoll = Instant.now();
    private volatile String lastFailure;
    /** Records between this instance's positions and the ends of its partitions, as of its last fetch; NaN before one. */
    private volatile double lag = Double.NaN;
    private KafkaConsumer<String, String> consumer;
    private Future<Applied> inFlight;
    private long knownGeneration = -1;
    private Instant lastGenerationCheck = Instant.MIN;

    /** @param number tells this topic's consumers in one instance apart, from 1 */
    TopicConsumer(String topic, String group, int number, Map<String, Object> kafkaConfig, ConsumptionConfig settings,
                  ConsumptionService consumption, EventDecoder decoder, DeadLetterTopic deadLetterTopic) {
        this.topic = topic;
        this.settings = settings;
        this.consumption = consumption;
        this.decoder = decoder;
        this.deadLetterTopic = deadLetterTopic;
        this.applier = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "apply-" + topic + "-" + number);
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only for a sought position the broker no longer has: the topics are kept forever, so only after a repair.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Which consumer owns which partition, as the group's description shows it: the host names the pod, the
        // process id the instance on a shared host, the number the consumer within the instance.
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, kafkaConfig.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG,
                group + "-" + host() + "-" + ProcessHandle.current().pid()) + "-" + number);
        this.kafkaConfig = config;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "localhost" : host;
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

    /** Whether the loop still runs: it ends only at shutdown or when something it cannot handle killed it. */
    boolean running() {
        return running;
    }

    double lag() {
        return lag;
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
                    lag = lagOf(kafka);
                    List<DecodedRecord> batch = decode(records);
                    finishInFlight();
                    if (!batch.isEmpty()) {
                        Map<Integer, Long> readFor = Map.copyOf(generations);
                        inFlight = applier.submit(() -> apply(batch, readFor));
                    }
                    commitForMonitoringIfDue();
                    backoff = settings.firstBackoff();
                    lastFailure = null;
                } catch (WakeupException wakeUp) {
                    // stop() or checkGenerationNow(). Records polled and not yet handed over are read again.
                    seekAgain(kafka.assignment());
                } catch (RuntimeException e) {
                    lastFailure = Failures.rootMessage(e);
                    LOG.warnf("Consuming %s paused for %d ms; it resumes from the stored positions: %s", topic,
                            backoff.toMillis(), lastFailure);
                    seekAgain(kafka.assignment());
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
                }
            }
            finishInFlightBeforeLeaving();
            commitForMonitoringNow(kafka.assignment());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The consumer of %s stopped", topic);
            lastFailure = Failures.rootMessage(e);
        } finally {
            running = false;
            consumer = null;
            applier.shutdown();
        }
    }

    /** From the last fetch's high watermarks, without asking the broker: only partitions fetched so far count. */
    private static double lagOf(KafkaConsumer<String, String> kafka) {
        return kafka.assignment().stream().map(kafka::currentLag).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).sum();
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

    /**
     * A batch still in flight may move a position just read; its records are then fetched again and
     * skipped, being behind the stored position by the time they are applied.
     */
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

    private List<DecodedRecord> decode(ConsumerRecords<String, String> records) {
        List<DecodedRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(decoder.decode(ConsumedRecord.of(record)));
        }
        batch.sort(Comparator.comparingInt((DecodedRecord decoded) -> decoded.record().partition())
                .thenComparingLong(decoded -> decoded.record().offset()));
        return batch;
    }

    /** On the applying thread: touches the database only, never the Kafka consumer. */
    private Applied apply(List<DecodedRecord> batch, Map<Integer, Long> readFor) {
        Map<Integer, Long> generationsOfBatch = new HashMap<>(readFor);
        Map<Integer, Long> positions = new HashMap<>();
        Set<Integer> stale = new HashSet<>();
        AtomicBoolean rejected = new AtomicBoolean();
        new FailureIsolation<DecodedRecord>(part -> {
            BatchOutcome outcome = consumption.apply(topic, Map.copyOf(generationsOfBatch), part);
            positions.putAll(outcome.nextOffsets());
            stale.addAll(outcome.stalePartitions());
            outcome.stalePartitions().forEach(generationsOfBatch::remove);
            if (outcome.rejected() > 0) {
                rejected.set(true);
            }
        }, (record, failure) -> park(record, failure, generationsOfBatch, positions, stale), Failures::isTransient).apply(batch);
        return new Applied(positions, stale, rejected.get());
    }

    /** Lists a valid event that cannot be applied and moves past it; consumption goes on. */
    private void park(DecodedRecord decoded, RuntimeException failure, Map<Integer, Long> generationsOfBatch,
                      Map<Integer, Long> positions, Set<Integer> stale) {
        if (!(decoded instanceof DecodedRecord.Applicable event)) {
            throw failure;
        }
        ConsumedRecord record = event.record();
        Long generation = generationsOfBatch.get(record.partition());
        if (generation == null) {
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Event %s (%s at %s) could not be applied and is parked as a dead letter; incident %s",
                event.eventId(), event.type(), record.id(), incident);
        if (consumption.park(generation, event, Failures.reasonNotApplied(failure, incident))) {
            positions.merge(record.partition(), record.offset() + 1, Math::max);
        } else {
            stale.add(record.partition());
            generationsOfBatch.remove(record.partition());
        }
    }

    /** Waits for the batch being applied, and acts on what it came to; its failure is this loop's. */
    private void finishInFlight() {
        if (inFlight == null) {
            return;
        }
        Applied applied;
        try {
            applied = inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a batch of " + topic + " was applied", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            inFlight = null;
        }
        if (!applied.stalePartitions().isEmpty()) {
            seekAgain(applied.stalePartitions().stream().map(partition -> new TopicPartition(topic, partition)).toList());
        }
        applied.positions().forEach((partition, next) ->
                uncommittedForMonitoring.put(new TopicPartition(topic, partition), new OffsetAndMetadata(next)));
        if (applied.rejected()) {
            deadLetterTopic.publishPending();
        }
    }

    /**
     * Each commit is a request the group coordinator writes to its log. One per batch made it one per event
     * at a steady trickle, for figures only monitoring reads; so they go at most once per interval.
     */
    private void commitForMonitoringIfDue() {
        Instant now = Instant.now();
        if (uncommittedForMonitoring.isEmpty() || now.isBefore(lastMonitoringCommit.plus(settings.monitoringCommitInterval()))) {
            return;
        }
        lastMonitoringCommit = now;
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(uncommittedForMonitoring);
        uncommittedForMonitoring.clear();
        consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                LOG.debugf("Monitoring offsets of %s not committed: %s", topic, failure.getMessage());
            }
        });
    }

    /** Partitions about to leave this consumer get their last positions committed while it still owns them. */
    private void commitForMonitoringNow(Collection<TopicPartition> leaving) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : leaving) {
            OffsetAndMetadata offset = uncommittedForMonitoring.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, MONITORING_COMMIT_WAIT);
        } catch (RuntimeException e) {
            LOG.debugf("Monitoring offsets of %s not committed: %s", topic, e.getMessage());
        }
    }

    /** A batch that failed must not leave a gap: every partition still here is sought again. */
    private void finishInFlightBeforeLeaving() {
        try {
            finishInFlight();
        } catch (RuntimeException e) {
            LOG.debugf("A batch of %s was not applied; it is read again from the stored positions: %s", topic, e.getMessage());
            seekAgain(consumer.assignment());
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

        /** The batch in flight finishes first, so that the next owner rarely fetches what is being applied here. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            finishInFlightBeforeLeaving();
            commitForMonitoringNow(partitions);
            unsought.removeAll(partitions);
            partitions.forEach(partition -> generations.remove(partition.partition()));
        }
    }
}
