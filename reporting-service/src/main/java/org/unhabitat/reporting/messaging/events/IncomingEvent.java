package org.unhabitat.reporting.messaging.events;

import java.util.UUID;

/** The CloudEvents envelope of a record in binary mode: attributes in {@code ce_} headers, data in the value. */
public record IncomingEvent(UUID id, String type, String source, String key, String data) {

    public static IncomingEvent from(ConsumedRecord record) {
        String id = record.header("ce_id");
        String type = record.header("ce_type");
        if (id == null || type == null) {
            throw new PoisonEventException("Not a CloudEvent: ce_id or ce_type header missing");
        }
        if (record.value() == null) {
            throw new PoisonEventException("Event " + id + " has no data");
        }
        try {
            return new IncomingEvent(UUID.fromString(id), type, record.header("ce_source"), record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event id is not a UUID: " + id, e);
        }
    }
}
