package org.unhabitat.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * contributions-service's ledger, read page by page through its public API with a finance token,
 * and the report figures it implies by the contract's definitions.
 */
record Ledger(List<JsonNode> pledges) {

    static Ledger read(String contributionsUrl, String financeToken) throws IOException, InterruptedException {
        Http http = new Http();
        List<JsonNode> pledges = new ArrayList<>();
        String cursor = null;
        do {
            String url = contributionsUrl + "/api/v1/pledges?limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Http.Reply reply = http.get(url, financeToken);
            if (reply.status() != 200) {
                throw new IOException("The ledger could not be read: " + reply.status() + " " + reply.body());
            }
            JsonNode page = reply.json();
            page.get("items").forEach(pledges::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return new Ledger(pledges);
    }

    Map<String, Integer> referenceCounts() {
        Map<String, Integer> counts = new HashMap<>();
        pledges.forEach(pledge -> counts.merge(pledge.path("reference").asText(), 1, Integer::sum));
        return counts;
    }

    Map<String, JsonNode> byId() {
        Map<String, JsonNode> byId = new HashMap<>();
        pledges.forEach(pledge -> byId.put(pledge.get("id").asText(), pledge));
        return byId;
    }

    Map<String, Integer> paymentCounts() {
        Map<String, Integer> counts = new HashMap<>();
        pledges.forEach(pledge -> pledge.get("payments").forEach(payment -> counts.merge(payment.get("id").asText(), 1, Integer::sum)));
        return counts;
    }

    /**
     * Every figure the compared reports show, keyed by report, year and row, computed from the ledger:
     * received by receivedOn's year, the part of it settling earlier years, pledged (for a cancelled pledge
     * only what was paid towards the year, at the pledge's rate) and outstanding at the pledge's rate.
     */
    Map<String, BigDecimal> expectedFigures() {
        Map<String, BigDecimal> figures = new TreeMap<>();
        for (JsonNode pledge : pledges) {
            String line = pledge.get("budgetLine").asText();
            boolean cancelled = "CANCELLED".equals(pledge.get("status").asText());
            for (JsonNode entry : pledge.get("schedule")) {
                int year = entry.get("year").asInt();
                BigDecimal pledged = cancelled ? paidAtPledgeRate(pledge, year) : decimal(entry, "usdAmount");
                add(figures, Figures.progress(year, line, "pledgedUsd"), pledged);
                add(figures, Figures.progress(year, line, "outstandingUsd"), cancelled ? BigDecimal.ZERO : decimal(entry, "outstandingUsd"));
            }
            for (JsonNode payment : pledge.get("payments")) {
                int year = LocalDate.parse(payment.get("receivedOn").asText()).getYear();
                BigDecimal usd = decimal(payment, "usdAmount");
                add(figures, Figures.progress(year, line, "receivedUsd"), usd);
                add(figures, Figures.progress(year, line, "priorYearUsd"),
                        payment.get("forYear").asInt() < year ? usd : BigDecimal.ZERO);
                add(figures, Figures.region(year, pledge.get("region").asText()), usd);
                add(figures, Figures.contributor(year, line, pledge.get("contributorCode").asText()), usd);
            }
        }
        return figures;
    }

    private static BigDecimal paidAtPledgeRate(JsonNode pledge, int year) {
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode payment : pledge.get("payments")) {
            if (payment.get("forYear").asInt() == year) {
                paid = paid.add(decimal(payment, "usdAtPledgeRate"));
            }
        }
        return paid;
    }

    private static void add(Map<String, BigDecimal> figures, String key, BigDecimal amount) {
        figures.merge(key, amount, BigDecimal::add);
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }
}
