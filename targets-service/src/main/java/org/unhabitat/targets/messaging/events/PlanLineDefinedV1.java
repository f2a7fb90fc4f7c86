package org.unhabitat.targets.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;

/** A plan's envelope for one core budget line was defined or revised. Key: the plan id. */
public record PlanLineDefinedV1(
        String planId,
        int startYear,
        int endYear,
        String budgetLine,
        BigDecimal amountUsd,
        String definedBy,
        String reason) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.plan.line-defined.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "plan";
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
