package org.unhabitat.reporting.messaging.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A record as read from a topic, in a form that can be kept and applied again later: where it stood,
 * its key, its headers (the last value of each, as text) and its value.
 */
public record ConsumedRecord(String topic, int partition, long offset, String key, Map<String, String> headers, String value) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,249}-[0-9]{1,10}-[0-9]{1,19}");

    public static ConsumedRecord of(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Stable across rebuilds: a record keeps its place in its partition. */
    public String id() {
        return topic + "-" + partition + "-" + offset;
    }

    /** Whether the text has the shape of {@link #id()}: a Kafka topic name, a partition and an offset. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
