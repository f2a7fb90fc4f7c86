package org.unhabitat.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unhabitat.reporting.messaging.events.IncomingEvent;

/**
 * The two topics reporting reads. Each record is applied before the next one of its partition, so
 * the events of one aggregate are applied in order; one that cannot be applied goes to the
 * dead-letter topic and consumption goes on.
 */
@ApplicationScoped
public class EventConsumers {

    public static final String TARGETS_CHANNEL = "targets-events";
    public static final String CONTRIBUTIONS_CHANNEL = "contributions-events";

    private final EventDispatcher dispatcher;

    public EventConsumers(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(TARGETS_CHANNEL)
    @Blocking
    public void consumeTargetsEvent(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(IncomingEvent.from(record));
    }

    @Incoming(CONTRIBUTIONS_CHANNEL)
    @Blocking
    public void consumeContributionsEvent(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(IncomingEvent.from(record));
    }
}
