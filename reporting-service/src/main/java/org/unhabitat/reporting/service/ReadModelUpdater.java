package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.EntryPosition;
import org.unhabitat.reporting.messaging.events.AnnualFigureSetV1;
import org.unhabitat.reporting.messaging.events.ContributorRegisteredV1;
import org.unhabitat.reporting.messaging.events.PaymentRecordedV1;
import org.unhabitat.reporting.messaging.events.PlanLineDefinedV1;
import org.unhabitat.reporting.messaging.events.PledgeCancelledV1;
import org.unhabitat.reporting.messaging.events.PledgeStateV1;
import org.unhabitat.reporting.messaging.events.PoisonEventException;
import org.unhabitat.reporting.repository.AnnualFigureRepository;
import org.unhabitat.reporting.repository.InboxRepository;
import org.unhabitat.reporting.repository.PlanTarget;
import org.unhabitat.reporting.repository.PledgeBookRepository;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies each event to the read model exactly once: the inbox claim and the effect commit together,
 * and the claim is made here, once, for every kind of event.
 * Effects do not depend on the order of a pledge's payment and its pledge, so a replay that starts
 * while events are still arriving converges to the same figures.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private final InboxRepository inbox;
    private final PledgeBookRepository pledgeBook;
    private final AnnualFigureRepository annualFigures;

    public ReadModelUpdater(InboxRepository inbox, PledgeBookRepository pledgeBook, AnnualFigureRepository annualFigures) {
        this.inbox = inbox;
        this.pledgeBook = pledgeBook;
        this.annualFigures = annualFigures;
    }

    /**
     * Applies one event unless the inbox has it already. {@code payload} is the event's data read into
     * its record, or null for a type that is only acknowledged, so that a redelivery is recognised like any other.
     */
    @Transactional
    public void apply(UUID eventId, String eventType, Object payload) {
        if (!inbox.claim(eventId, eventType)) {
            return;
        }
        if (payload instanceof PlanLineDefinedV1 planLine) {
            applyPlanLine(planLine);
        } else if (payload instanceof AnnualFigureSetV1 figure) {
            applyAnnualFigure(eventType, figure);
        } else if (payload instanceof ContributorRegisteredV1 contributor) {
            pledgeBook.upsertContributor(contributor.asRef());
        } else if (payload instanceof PledgeStateV1 pledge) {
            applyPledgeState(pledge);
        } else if (payload instanceof PledgeCancelledV1 cancellation) {
            applyCancellation(cancellation);
        } else if (payload instanceof PaymentRecordedV1 payment) {
            applyPayment(payment);
        }
    }

    private void applyPlanLine(PlanLineDefinedV1 event) {
        BudgetLine line = BudgetLine.valueOf(event.budgetLine());
        PlanTarget target = PlanTarget.<PlanTarget>findByIdOptional(new PlanTarget.Key(event.planId(), line))
                .orElseGet(() -> {
                    PlanTarget created = new PlanTarget();
                    created.planId = event.planId();
                    created.budgetLine = line;
                    return created;
                });
        target.startYear = event.startYear();
        target.endYear = event.endYear();
        target.amountUsd = event.amountUsd();
        target.persist();
    }

    /** Keeps the highest revision of a target or approved budget. */
    private void applyAnnualFigure(String eventType, AnnualFigureSetV1 figure) {
        if (AnnualFigureSetV1.TARGET.equals(eventType)) {
            annualFigures.keepTargetIfNewer(figure);
        } else {
            annualFigures.keepApprovedBudgetIfNewer(figure);
        }
    }

    /** A recorded or corrected pledge: its complete state replaces any older version's figures. */
    private void applyPledgeState(PledgeStateV1 pledge) {
        boolean newer = pledgeBook.pledgeVersion(pledge.pledgeId()).map(version -> version < pledge.version()).orElse(true);
        if (!newer) {
            return;
        }
        pledgeBook.upsertContributor(pledge.contributor());
        changePledge(pledge.pledgeId(), () -> {
            pledgeBook.replacePledge(pledge);
            return pledge.budgetLine();
        });
    }

    private void applyCancellation(PledgeCancelledV1 cancellation) {
        if (pledgeBook.pledgeVersion(cancellation.pledgeId()).isEmpty()) {
            throw new PoisonEventException("Cancellation of unknown pledge " + cancellation.pledgeId());
        }
        changePledge(cancellation.pledgeId(), () -> {
            pledgeBook.markCancelled(cancellation.pledgeId(), cancellation.version(), cancellation.cancelledOn());
            return pledgeBook.budgetLineOf(cancellation.pledgeId());
        });
    }

    /**
     * Income counts at once; the pledge's balance follows once the pledge itself is known. A payment
     * seen before under another event id is not counted twice.
     */
    private void applyPayment(PaymentRecordedV1 payment) {
        if (pledgeBook.paymentExists(payment.paymentId())) {
            return;
        }
        pledgeBook.upsertContributor(payment.contributor());
        pledgeBook.addIncome(payment);
        if (pledgeBook.pledgeVersion(payment.pledgeId()).isEmpty()) {
            pledgeBook.insertPayment(payment);
            return;
        }
        changePledge(payment.pledgeId(), () -> {
            pledgeBook.insertPayment(payment);
            return pledgeBook.budgetLineOf(payment.pledgeId());
        });
    }

    /** Moves the pledge book by exactly the difference between the pledge's positions before and after. */
    private void changePledge(UUID pledgeId, Supplier<String> change) {
        List<EntryPosition> before = pledgeBook.positions(pledgeId, PledgeBookRepository.NOW);
        String lineBefore = before.isEmpty() ? null : pledgeBook.budgetLineOf(pledgeId);
        String lineAfter = change.get();
        pledgeBook.flush();
        List<EntryPosition> after = pledgeBook.positions(pledgeId, PledgeBookRepository.NOW);
        for (EntryPosition position : before) {
            pledgeBook.addToPledgeBook(position.year(), lineBefore, position.pledgedUsd().negate(), position.outstandingUsd().negate());
        }
        for (EntryPosition position : after) {
            pledgeBook.addToPledgeBook(position.year(), lineAfter, position.pledgedUsd(), position.outstandingUsd());
        }
    }
}
