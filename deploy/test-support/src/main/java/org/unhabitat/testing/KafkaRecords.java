package org.unhabitat.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** Reads and writes topics of the real broker directly, as another service would. */
public final class KafkaRecords {

    /** Reads {@code topic} from its beginning until {@code done} holds for what was read, or the timeout passes. */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrapServers, String topic,
                                                                 Predicate<List<ConsumerRecord<String, String>>> done,
                                                                 Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(records) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Publishes one CloudEvent in binary mode, as the service that owns the topic would through its outbox relay. */
    public static void publish(String bootstrapServers, String topic, String key, String eventId, String type, String payload) {
        publishAs(ownerOf(topic), bootstrapServers, topic, key, eventId, type, payload);
    }

    /** The {@code ce_source} of the only service that writes to a topic. */
    public static String ownerOf(String topic) {
        return switch (topic) {
            case "contributions.events" -> "urn:unhabitat:rm:contributions-service";
            case "targets.events" -> "urn:unhabitat:rm:targets-service";
            default -> throw new IllegalArgumentException("No service of the suite owns " + topic);
        };
    }

    /** Publishes one CloudEvent in binary mode under the given {@code ce_source}, which may be a stranger's. */
    public static void publishAs(String source, String bootstrapServers, String topic, String key, String eventId, String type,
                                 String payload) {
        send(bootstrapServers, topic, source, List.of(new Event(key, eventId, type, payload)));
    }

    /** A CloudEvent to publish: the record's key, and the event's id, type and data. */
    public record Event(String key, String eventId, String type, String payload) {
    }

    /**
     * Publishes the events in this order through one producer, as the topic's owner would: records that travel
     * together, as a relay's batch does, so that a consumer most likely reads them in one poll.
     */
    public static void publishAll(String bootstrapServers, String topic, List<Event> events) {
        send(bootstrapServers, topic, ownerOf(topic), events);
    }

    private static void send(String bootstrapServers, String topic, String source, List<Event> events) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Event event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), event.payload());
                Map.of("ce_specversion", "1.0", "ce_id", event.eventId(), "ce_type", event.type(), "ce_source", source,
                                "content-type", "application/json")
                        .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused the test event", e);
        }
    }

    /** The records with the first of each CloudEvents id: what an idempotent consumer applies. */
    public static List<ConsumerRecord<String, String>> distinctEvents(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(record -> seen.add(header(record, "ce_id"))).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaRecords() {
    }
}
