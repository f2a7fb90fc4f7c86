package org.unhabitat.contributions.mapping;

import org.unhabitat.contributions.api.ExchangeRateDto;
import org.unhabitat.contributions.domain.Money;
import org.unhabitat.contributions.messaging.events.ExchangeRateSetV1;
import org.unhabitat.contributions.repository.ExchangeRate;

public final class ExchangeRateMapper {

    public static ExchangeRateDto toDto(ExchangeRate rate) {
        return new ExchangeRateDto(rate.currency, rate.month, Money.normalizedRate(rate.unitsPerUsd), rate.revision,
                rate.setBy, rate.setAt);
    }

    public static ExchangeRateSetV1 toEvent(ExchangeRate rate) {
        return new ExchangeRateSetV1(rate.currency, rate.month, Money.normalizedRate(rate.unitsPerUsd), rate.revision,
                rate.setBy, rate.setAt);
    }

    private ExchangeRateMapper() {
    }
}
