package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A pledge was recorded. Key: the pledge id. */
public record PledgeRecordedV1(
        UUID pledgeId,
        int version,
        ContributorRefV1 contributor,
        String budgetLine,
        String earmarking,
        String region,
        String currency,
        BigDecimal amount,
        BigDecimal fxRate,
        BigDecimal usdAmount,
        LocalDate pledgedOn,
        List<ScheduleEntryV1> schedule,
        boolean multiYear,
        String reference,
        Instant recordedAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.pledge.recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "pledge";
    }

    @Override
    public String aggregateId() {
        return pledgeId.toString();
    }
}
