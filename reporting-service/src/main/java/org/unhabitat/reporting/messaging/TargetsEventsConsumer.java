package org.unhabitat.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unhabitat.reporting.messaging.events.IncomingEvent;
import org.unhabitat.reporting.messaging.events.PlanLineDefinedV1;
import org.unhabitat.reporting.messaging.events.PoisonEventException;
import org.unhabitat.reporting.service.ReadModelUpdater;

/** Applies targets-service's events to the read model; an event it cannot apply goes to the dead-letter topic. */
@ApplicationScoped
public class TargetsEventsConsumer {

    private final EventDecoder decoder;
    private final ReadModelUpdater updater;
    private final TransientFailureRetry retry;

    public TargetsEventsConsumer(EventDecoder decoder, ReadModelUpdater updater, TransientFailureRetry retry) {
        this.decoder = decoder;
        this.updater = updater;
        this.retry = retry;
    }

    @Incoming("targets-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case PlanLineDefinedV1.TYPE -> {
                PlanLineDefinedV1 planLine = decoder.decode(event, PlanLineDefinedV1.class);
                retry.untilApplied(() -> updater.applyPlanLine(event.id(), event.type(), planLine));
            }
            default -> throw new PoisonEventException("Unknown event type " + event.type());
        }
    }
}
