package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pledge was recorded. Version 2 adds to version 1 the {@code programme} (null when none), {@code channel},
 * {@code modality} and each schedule entry's {@code dueOn}. Key: the pledge id.
 */
public record PledgeRecordedV2(
        UUID pledgeId,
        int version,
        ContributorRefV1 contributor,
        String budgetLine,
        String earmarking,
        String region,
        String programme,
        String channel,
        String modality,
        String currency,
        BigDecimal amount,
        BigDecimal fxRate,
        BigDecimal usdAmount,
        LocalDate pledgedOn,
        List<ScheduleEntryV2> schedule,
        boolean multiYear,
        String reference,
        Instant recordedAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.pledge.recorded.v2";

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
