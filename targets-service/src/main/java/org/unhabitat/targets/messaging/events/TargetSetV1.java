package org.unhabitat.targets.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The annual income target of one budget line was set (revision 1) or revised (revision > 1).
 * Key: {@code <year>:<budgetLine>}, so that every revision of one target is consumed in order.
 */
public record TargetSetV1(
        int year,
        String budgetLine,
        BigDecimal amountUsd,
        int revision,
        String setBy,
        String reason,
        Instant setAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.target.set.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "income-target";
    }

    @Override
    public String aggregateId() {
        return year + ":" + budgetLine;
    }
}
