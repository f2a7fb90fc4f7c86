package org.unhabitat.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares the ledger with what clients were told: each acknowledged pledge and payment is there once,
 * in the state the client last saw acknowledged, and nothing else is there.
 */
record LedgerCheck(int lost, int duplicated, int lostInRun, List<String> problems) {

    static LedgerCheck of(Ledger ledger, Book book, Collection<UUID> runPledges, Collection<UUID> runPayments) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> byId = ledger.byId();
        Map<String, Integer> payments = ledger.paymentCounts();
        int lost = 0;
        int lostInRun = 0;
        for (Book.TrackedPledge pledge : book.pledges.values()) {
            JsonNode stored = byId.get(pledge.id.toString());
            String difference = stored == null ? "missing" : difference(pledge, stored);
            if (difference != null) {
                lost++;
                lostInRun += runPledges.contains(pledge.id) ? 1 : 0;
                problems.add("acknowledged pledge " + pledge.id + " (" + pledge.reference + "): " + difference);
            }
        }
        for (UUID payment : book.payments) {
            if (!payments.containsKey(payment.toString())) {
                lost++;
                lostInRun += runPayments.contains(payment) ? 1 : 0;
                problems.add("acknowledged payment " + payment + " is missing");
            }
        }
        int duplicated = 0;
        for (Map.Entry<String, Integer> reference : ledger.referenceCounts().entrySet()) {
            if (reference.getValue() > 1) {
                duplicated += reference.getValue() - 1;
                problems.add("reference " + reference.getKey() + " is in the ledger " + reference.getValue() + " times");
            }
        }
        for (JsonNode stored : ledger.pledges()) {
            UUID id = UUID.fromString(stored.get("id").asText());
            if (!book.pledges.containsKey(id) && !book.unansweredReferences.contains(stored.path("reference").asText())) {
                duplicated++;
                problems.add("pledge " + id + " (" + stored.path("reference").asText() + ") was never acknowledged to anyone");
            }
        }
        for (Map.Entry<String, Integer> payment : payments.entrySet()) {
            if (payment.getValue() > 1 || !book.payments.contains(UUID.fromString(payment.getKey()))) {
                duplicated++;
                problems.add("payment " + payment.getKey() + " is in the ledger " + payment.getValue() + " times, acknowledged "
                        + (book.payments.contains(UUID.fromString(payment.getKey())) ? "once" : "never"));
            }
        }
        return new LedgerCheck(lost, duplicated, lostInRun, problems);
    }

    /** Null when the stored pledge is what the client was last told; otherwise what differs. */
    private static String difference(Book.TrackedPledge pledge, JsonNode stored) {
        if (stored.get("version").asInt() != pledge.version) {
            return "version " + stored.get("version").asInt() + ", acknowledged " + pledge.version;
        }
        if ("CANCELLED".equals(stored.get("status").asText()) != pledge.cancelled) {
            return "status " + stored.get("status").asText() + ", cancellation acknowledged: " + pledge.cancelled;
        }
        for (JsonNode entry : stored.get("schedule")) {
            int year = entry.get("year").asInt();
            BigDecimal scheduled = pledge.scheduled.get(year);
            if (scheduled == null || scheduled.compareTo(Ledger.decimal(entry, "amount")) != 0
                    || pledge.paid.get(year).compareTo(Ledger.decimal(entry, "paid")) != 0) {
                return "schedule year " + year + " is " + entry + ", acknowledged " + scheduled + " paid " + pledge.paid.get(year);
            }
        }
        return stored.get("schedule").size() == pledge.scheduled.size() ? null : "schedule has other years";
    }
}
