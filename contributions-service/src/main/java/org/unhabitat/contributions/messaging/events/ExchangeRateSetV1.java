package org.unhabitat.contributions.messaging.events;

import org.unhabitat.platform.outbox.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;

/** Finance set or revised a month's operational rate. Key: "CUR:yyyy-MM". */
public record ExchangeRateSetV1(String currency, String month, BigDecimal unitsPerUsd, int revision, String setBy,
                                Instant setAt) implements DomainEvent {

    public static final String TYPE = "org.unhabitat.exchange-rate.set.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "exchange-rate";
    }

    @Override
    public String aggregateId() {
        return currency + ":" + month;
    }
}
