package org.unhabitat.contributions.domain;

import java.math.BigDecimal;

/** One year of a requested schedule, already validated. */
public record YearAmount(int year, BigDecimal amount) {
}
