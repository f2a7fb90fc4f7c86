package org.unhabitat.reporting.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.repository.DeadLetterRepository.DeadLetter;
import org.unhabitat.reporting.service.DeadLetterService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies the records the contracts reject to {@code reporting.dead-letter}, for the producers' owners to
 * see, with the record's own headers and a {@code dead-letter-reason}. They are listed in the database
 * first, in the transaction that moved past them, and sent from there like an outbox: a crash before the
 * broker has them sends them again.
 */
@ApplicationScoped
public class DeadLetterTopic {

    public static final String TOPIC = "reporting.dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);
    private static final int BATCH = 100;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> kafkaConfig;
    private final DeadLetterService deadLetters;
    private KafkaProducer<String, String> producer;

    public DeadLetterTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, DeadLetterService deadLetters) {
        this.kafkaConfig = kafkaConfig;
        this.deadLetters = deadLetters;
    }

    /** Also publishes what an instance that died before sending left behind. */
    @Scheduled(every = "10s", delay = 10, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishLeftBehind() {
        publishPending();
    }

    /** Sends every rejected record not yet on the topic; what cannot be sent now stays for the next try. */
    public synchronized void publishPending() {
        try {
            while (deadLetters.publishRejected(this::send, BATCH) == BATCH) {
                LOG.debug("More dead letters to publish");
            }
        } catch (RuntimeException e) {
            LOG.warnf("Dead letters not published yet, retried shortly: %s", e.getMessage());
        }
    }

    private void send(List<DeadLetter> letters) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, letter.key(), letter.payload());
            letter.headers().forEach((name, value) ->
                    record.headers().add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
            header(record, "dead-letter-reason", letter.reason());
            header(record, "dead-letter-topic", letter.topic());
            header(record, "dead-letter-partition", String.valueOf(letter.partition()));
            header(record, "dead-letter-offset", String.valueOf(letter.offset()));
            acknowledgements.add(producer().send(record));
        }
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not take the dead letters: " + e.getMessage(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
