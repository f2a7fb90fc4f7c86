package org.unhabitat.targets.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The Executive Board's approved budget of one budget line and year was recorded (revision 1) or revised
 * (revision > 1). Key: {@code <year>:<budgetLine>}.
 */
public record ApprovedBudgetSetV1(
        int year,
        String budgetLine,
        BigDecimal amountUsd,
        int revision,
        String approvedBy,
        String reason,
        Instant approvedAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.approved-budget.set.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "approved-budget";
    }

    @Override
    public String aggregateId() {
        return year + ":" + budgetLine;
    }
}
