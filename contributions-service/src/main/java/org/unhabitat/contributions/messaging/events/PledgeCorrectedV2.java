package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pledge's amount or schedule was corrected. It carries the complete new state, with exactly the fields of
 * {@link PledgeRecordedV2} plus {@code reason} and {@code correctedAt}, so that reporting replaces the pledge's
 * previous schedule figures with these rather than applying a difference. Key: the pledge id.
 */
public record PledgeCorrectedV2(
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
        Instant recordedAt,
        String reason,
        Instant correctedAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.pledge.corrected.v2";

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
