package org.unhabitat.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.unhabitat.reporting.messaging.events.AnnualFigureSetV1;
import org.unhabitat.reporting.messaging.events.ContributorRegisteredV1;
import org.unhabitat.reporting.messaging.events.IncomingEvent;
import org.unhabitat.reporting.messaging.events.PaymentRecordedV1;
import org.unhabitat.reporting.messaging.events.PlanLineDefinedV1;
import org.unhabitat.reporting.messaging.events.PledgeCancelledV1;
import org.unhabitat.reporting.messaging.events.PledgeStateV1;
import org.unhabitat.reporting.messaging.events.PoisonEventException;
import org.unhabitat.reporting.service.ReadModelUpdater;

import java.util.Map;

/** Routes each event type and version to its effect on the read model. */
@ApplicationScoped
public class EventDispatcher {

    /**
     * Every CloudEvents type reporting understands, with the record its data is read into. Void marks
     * a type that changes nothing here but is acknowledged, so that it is not mistaken for an unknown version.
     */
    public static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            PlanLineDefinedV1.TYPE, PlanLineDefinedV1.class,
            AnnualFigureSetV1.TARGET, AnnualFigureSetV1.class,
            AnnualFigureSetV1.APPROVED_BUDGET, AnnualFigureSetV1.class,
            ContributorRegisteredV1.TYPE, ContributorRegisteredV1.class,
            PledgeStateV1.RECORDED, PledgeStateV1.class,
            PledgeStateV1.CORRECTED, PledgeStateV1.class,
            PledgeCancelledV1.TYPE, PledgeCancelledV1.class,
            PaymentRecordedV1.TYPE, PaymentRecordedV1.class,
            "org.unhabitat.exchange-rate.set.v1", Void.class);

    private final EventDecoder decoder;
    private final ReadModelUpdater updater;
    private final TransientFailureRetry retry;

    public EventDispatcher(EventDecoder decoder, ReadModelUpdater updater, TransientFailureRetry retry) {
        this.decoder = decoder;
        this.updater = updater;
        this.retry = retry;
    }

    public void dispatch(IncomingEvent event) {
        Class<?> payloadType = PAYLOAD_TYPES.get(event.type());
        if (payloadType == null) {
            throw new PoisonEventException("Unknown event type " + event.type());
        }
        Object payload = payloadType == Void.class ? null : decoder.decode(event, payloadType);
        retry.untilApplied(() -> updater.apply(event.id(), event.type(), payload));
    }
}
