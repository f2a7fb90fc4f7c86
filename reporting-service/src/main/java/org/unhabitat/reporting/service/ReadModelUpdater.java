package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.messaging.events.PlanLineDefinedV1;
import org.unhabitat.reporting.messaging.inbox.Inbox;
import org.unhabitat.reporting.repository.PlanTarget;

import java.util.UUID;

/** Applies each event to the read model exactly once: the inbox claim and the effect commit together. */
@ApplicationScoped
public class ReadModelUpdater {

    private final Inbox inbox;

    public ReadModelUpdater(Inbox inbox) {
        this.inbox = inbox;
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
}
