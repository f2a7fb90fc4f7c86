package org.unhabitat.reporting.messaging.events;

import java.util.UUID;

/** A consumed record read against the event contracts: an event to apply, or one the contracts reject. */
public sealed interface DecodedRecord {

    ConsumedRecord record();

    /**
     * A valid event. {@code payload} is its data read into the record of its type, or null for a type
     * that changes nothing here and is only acknowledged.
     */
    record Applicable(ConsumedRecord record, UUID eventId, String type, Object payload) implements DecodedRecord {
    }

    /** Malformed, or of a type or version no contract describes: poison, never applied. */
    record Rejected(ConsumedRecord record, String reason) implements DecodedRecord {
    }
}
