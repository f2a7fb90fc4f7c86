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

/** Routes each event type and version to its effect on the read model. */
@ApplicationScoped
public class EventDispatcher {

    /** Events that reporting has no use for, acknowledged so that they are not mistaken for unknown versions. */
    static final String EXCHANGE_RATE_SET = "org.unhabitat.exchange-rate.set.v1";

    private final EventDecoder decoder;
    private final ReadModelUpdater updater;
    private final TransientFailureRetry retry;

    public EventDispatcher(EventDecoder decoder, ReadModelUpdater updater, TransientFailureRetry retry) {
        this.decoder = decoder;
        this.updater = updater;
        this.retry = retry;
    }

    public void dispatch(IncomingEvent event) {
        switch (event.type()) {
            case PlanLineDefinedV1.TYPE -> {
                PlanLineDefinedV1 planLine = decoder.decode(event, PlanLineDefinedV1.class);
                retry.untilApplied(() -> updater.applyPlanLine(event.id(), event.type(), planLine));
            }
            case AnnualFigureSetV1.TARGET, AnnualFigureSetV1.APPROVED_BUDGET -> {
                AnnualFigureSetV1 figure = decoder.decode(event, AnnualFigureSetV1.class);
                retry.untilApplied(() -> updater.applyAnnualFigure(event.id(), event.type(), figure));
            }
            case ContributorRegisteredV1.TYPE -> {
                ContributorRegisteredV1 contributor = decoder.decode(event, ContributorRegisteredV1.class);
                retry.untilApplied(() -> updater.applyContributor(event.id(), event.type(), contributor.asRef()));
            }
            case PledgeStateV1.RECORDED, PledgeStateV1.CORRECTED -> {
                PledgeStateV1 pledge = decoder.decode(event, PledgeStateV1.class);
                retry.untilApplied(() -> updater.applyPledgeState(event.id(), event.type(), pledge));
            }
            case PledgeCancelledV1.TYPE -> {
                PledgeCancelledV1 cancellation = decoder.decode(event, PledgeCancelledV1.class);
                retry.untilApplied(() -> updater.applyCancellation(event.id(), event.type(), cancellation));
            }
            case PaymentRecordedV1.TYPE -> {
                PaymentRecordedV1 payment = decoder.decode(event, PaymentRecordedV1.class);
                retry.untilApplied(() -> updater.applyPayment(event.id(), event.type(), payment));
            }
            case EXCHANGE_RATE_SET -> retry.untilApplied(() -> updater.acknowledge(event.id(), event.type()));
            default -> throw new PoisonEventException("Unknown event type " + event.type());
        }
    }
}
