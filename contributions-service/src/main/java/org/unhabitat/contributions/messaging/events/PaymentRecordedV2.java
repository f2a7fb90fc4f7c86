package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money was received against a pledge. Version 2 adds to version 1 the payment's {@code reference} (null when none)
 * and its pledge's {@code programme} (null when none), {@code channel} and {@code modality}, so that income can be
 * sliced by them without the pledge. Key: the pledge id, so that it is ordered after its pledge.
 */
public record PaymentRecordedV2(
        UUID paymentId,
        UUID pledgeId,
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
        BigDecimal pledgeFxRate,
        BigDecimal usdAtPledgeRate,
        BigDecimal fxDifferenceUsd,
        LocalDate receivedOn,
        int forYear,
        boolean multiYear,
        String reference,
        Instant recordedAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.payment.recorded.v2";

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
