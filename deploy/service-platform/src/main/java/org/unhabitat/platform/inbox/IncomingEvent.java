package org.unhabitat.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A CloudEvent as the suite's outbox relays send it, in Kafka binary mode: attributes in {@code ce_} headers, data in the value. */
public record IncomingEvent(UUID id, String type, String key, String data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new PoisonEventException("Not a CloudEvent: ce_id or ce_type header missing");
        }
        if (record.value() == null) {
            throw new PoisonEventException("Event " + id + " has no data");
        }
        try {
            return new IncomingEvent(UUID.fromString(id), type, record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event id is not a UUID: " + id, e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
