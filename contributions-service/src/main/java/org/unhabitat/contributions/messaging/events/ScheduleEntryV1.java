package org.unhabitat.contributions.messaging.events;

import java.math.BigDecimal;

/** One year of a pledge's schedule: the currency amount, and its USD at the pledge's rate. */
public record ScheduleEntryV1(int year, BigDecimal amount, BigDecimal usdAmount) {
}
