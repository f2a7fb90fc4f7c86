package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.EntryPosition;
import org.unhabitat.reporting.messaging.events.AnnualFigureSetV1;
import org.unhabitat.reporting.messaging.events.ContributorRef;
import org.unhabitat.reporting.messaging.events.PaymentRecordedV1;
import org.unhabitat.reporting.messaging.events.PlanLineDefinedV1;
import org.unhabitat.reporting.messaging.events.PledgeCancelledV1;
import org.unhabitat.reporting.messaging.events.PledgeStateV1;
import org.unhabitat.reporting.messaging.events.PoisonEventException;
import org.unhabitat.reporting.messaging.inbox.Inbox;
import org.unhabitat.reporting.repository.PlanTarget;
import org.unhabitat.reporting.repository.PledgeBookRepository;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies each event to the read model exactly once: the inbox claim and the effect commit together.
 * Effects do not depend on the order of a pledge's payment and its pledge, so a replay that starts
 * while events are still arriving converges to the same figures.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private final Inbox inbox;
    private final PledgeBookRepository pledgeBook;
    private final EntityManager entityManager;

    public ReadModelUpdater(Inbox inbox, PledgeBookRepository pledgeBook, EntityManager entityManager) {
        this.inbox = inbox;
        this.pledgeBook = pledgeBook;
        this.entityManager = entityManager;
    }

    @Transactional
    public void applyPlanLine(UUID eventId, String eventType, PlanLineDefinedV1 event) {
        if (!inbox.claim(eventId, eventType)) {
            return;
        }
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

    /** Records an event that changes nothing here, so that a redelivery is recognised like any other. */
    @Transactional
    public void acknowledge(UUID eventId, String eventType) {
        inbox.claim(eventId, eventType);
    }

    /** Keeps the highest revision of a target or approved budget. */
    @Transactional
    public void applyAnnualFigure(UUID eventId, String eventType, AnnualFigureSetV1 event) {
        if (!inbox.claim(eventId, eventType)) {
            return;
        }
        String table = AnnualFigureSetV1.TARGET.equals(eventType) ? "annual_target" : "approved_budget";
        entityManager.createNativeQuery("INSERT INTO " + table + " (year, budget_line, amount_usd, revision) "
                        + "VALUES (:year, :line, :amount, :revision) ON CONFLICT (year, budget_line) DO UPDATE SET "
                        + "amount_usd = excluded.amount_usd, revision = excluded.revision "
                        + "WHERE " + table + ".revision < excluded.revision")
                .setParameter("year", event.year())
                .setParameter("line", event.budgetLine())
                .setParameter("amount", event.amountUsd())
                .setParameter("revision", event.revision())
                .executeUpdate();
    }

    @Transactional
    public void applyContributor(UUID eventId, String eventType, ContributorRef contributor) {
        if (inbox.claim(eventId, eventType)) {
            pledgeBook.upsertContributor(contributor);
        }
    }

    /** A recorded or corrected pledge: its complete state replaces any older version's figures. */
    @Transactional
    public void applyPledgeState(UUID eventId, String eventType, PledgeStateV1 pledge) {
        if (!inbox.claim(eventId, eventType)) {
            return;
        }
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

    @Transactional
    public void applyCancellation(UUID eventId, String eventType, PledgeCancelledV1 cancellation) {
        if (!inbox.claim(eventId, eventType)) {
            return;
        }
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
    @Transactional
    public void applyPayment(UUID eventId, String eventType, PaymentRecordedV1 payment) {
        if (!inbox.claim(eventId, eventType) || pledgeBook.paymentExists(payment.paymentId())) {
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
        entityManager.flush();
        List<EntryPosition> after = pledgeBook.positions(pledgeId, PledgeBookRepository.NOW);
        for (EntryPosition position : before) {
            pledgeBook.addToPledgeBook(position.year(), lineBefore, position.pledgedUsd().negate(), position.outstandingUsd().negate());
        }
        for (EntryPosition position : after) {
            pledgeBook.addToPledgeBook(position.year(), lineAfter, position.pledgedUsd(), position.outstandingUsd());
        }
    }
}
