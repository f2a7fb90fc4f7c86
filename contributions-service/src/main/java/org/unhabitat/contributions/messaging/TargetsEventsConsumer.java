package org.unhabitat.contributions.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unhabitat.contributions.messaging.events.ProgrammeDefinedV1;
import org.unhabitat.contributions.service.ProgrammeCatalogue;
import org.unhabitat.platform.inbox.EventDecoder;
import org.unhabitat.platform.inbox.IncomingEvent;
import org.unhabitat.platform.inbox.PoisonEventException;
import org.unhabitat.platform.inbox.TransientFailureRetry;

/**
 * Reads targets-service's events for the programme definitions, one record at a time per partition, so the
 * definitions of one programme (keyed by its code) are learnt in order. Plans, targets and budgets are not this
 * service's concern and pass by. A programme event it cannot read is poison and goes to the dead-letter topic; a
 * database that is down is waited for instead, holding the partition.
 */
@ApplicationScoped
public class TargetsEventsConsumer {

    public static final String CHANNEL = "targets-events";

    /** Every programme event type starts so; one of another version than those read here is poison, never skipped. */
    static final String PROGRAMME_EVENTS = "org.unhabitat.programme.";

    private final EventDecoder decoder;
    private final ProgrammeCatalogue programmes;

    public TargetsEventsConsumer(EventDecoder decoder, ProgrammeCatalogue programmes) {
        this.decoder = decoder;
        this.programmes = programmes;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (ProgrammeDefinedV1.TYPE.equals(event.type())) {
            ProgrammeDefinedV1 definition = decoder.decode(event, ProgrammeDefinedV1.class);
            TransientFailureRetry.untilApplied(() -> programmes.learn(event, definition));
        } else if (event.type().startsWith(PROGRAMME_EVENTS)) {
            throw new PoisonEventException("contributions-service cannot read " + event.type() + " (event " + event.id() + ")");
        }
    }
}
