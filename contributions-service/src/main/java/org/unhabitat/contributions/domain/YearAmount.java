package org.unhabitat.contributions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One year of a requested schedule, already validated: its amount and the day it is due. */
public record YearAmount(int year, BigDecimal amount, LocalDate dueOn) {
}
