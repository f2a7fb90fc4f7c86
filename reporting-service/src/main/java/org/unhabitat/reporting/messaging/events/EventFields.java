package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.BudgetLine;

import java.math.BigDecimal;

/** Checks that make an event poison rather than half-applied. */
final class EventFields {

    static void require(Object value, String field) {
        if (value == null) {
            throw new PoisonEventException("Missing field " + field);
        }
    }

    static void requireBudgetLine(String budgetLine) {
        requireCode(BudgetLine.class, budgetLine, "budgetLine");
    }

    static <E extends Enum<E>> void requireCode(Class<E> codes, String value, String field) {
        require(value, field);
        try {
            Enum.valueOf(codes, value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unknown " + field + " " + value);
        }
    }

    static void requirePositive(BigDecimal amount, String field) {
        require(amount, field);
        if (amount.signum() <= 0) {
            throw new PoisonEventException(field + " must be positive: " + amount);
        }
    }

    static void requireMoney(BigDecimal amount, String field) {
        require(amount, field);
        if (amount.scale() > 2 || amount.signum() < 0) {
            throw new PoisonEventException(field + " is not a non-negative USD amount with at most 2 decimals: " + amount);
        }
    }

    private EventFields() {
    }
}
