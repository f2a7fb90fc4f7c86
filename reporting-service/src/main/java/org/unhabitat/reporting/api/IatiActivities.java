package org.unhabitat.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The money UN-Habitat received as IATI activities: one per programme, and one per budget line for money with no
 * programme, each with its incoming commitments (pledges) and incoming funds (payments) in their own currencies.
 */
public record IatiActivities(Instant lastUpdated, List<Activity> activities) {

    /** {@code code} is the programme's code or the budget line's; it ends the activity's IATI identifier. */
    public record Activity(String code, String title, String description, LocalDate start, List<Transaction> transactions) {
    }

    /**
     * One incoming transaction; {@code providerRef} is the contributor's IATI organisation identifier when known, and
     * {@code providerName} never an individual's name.
     */
    public record Transaction(String typeCode, LocalDate date, String currency, BigDecimal amount, String providerRef,
                              String providerName) {
    }
}
