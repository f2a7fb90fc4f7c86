package org.unhabitat.contributions.messaging.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One year of a pledge's schedule: the currency amount, its USD at the pledge's rate, and when it is due. */
public record ScheduleEntryV2(int year, BigDecimal amount, BigDecimal usdAmount, LocalDate dueOn) {
}
