package org.unhabitat.platform.outbox;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An event a service publishes through its outbox; its payload is the record itself. */
public interface DomainEvent {

    /** The CloudEvents type, versioned: a change of shape is a new type, never an edit. */
    @JsonIgnore
    String eventType();

    @JsonIgnore
    String aggregateType();

    /** The Kafka key: every event of one aggregate lands on one partition, in order. */
    @JsonIgnore
    String aggregateId();
}
