package org.unhabitat.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The figures reporting-service publishes, keyed the way {@link Ledger#expectedFigures()} keys its own. */
final class Figures {

    private static final List<String> PROGRESS_FIELDS = List.of("receivedUsd", "priorYearUsd", "pledgedUsd", "outstandingUsd");

    static String progress(int year, String line, String field) {
        return "progress " + year + " " + line + " " + field;
    }

    static String region(int year, String region) {
        return "regions " + year + " " + region;
    }

    static String contributor(int year, String line, String code) {
        return "top-contributors " + year + " " + line + " " + code;
    }

    /** Everything reporting shows for the load's years: progress per line, regions, and contributors per line. */
    static Map<String, BigDecimal> read(String reportingUrl) throws IOException, InterruptedException {
        Http http = new Http();
        Map<String, BigDecimal> figures = new TreeMap<>();
        for (int year = LoadGenerator.FIRST_YEAR; year <= LoadGenerator.LAST_YEAR; year++) {
            for (JsonNode line : json(http, reportingUrl + "/api/v1/progress?year=" + year).get("lines")) {
                for (String field : PROGRESS_FIELDS) {
                    figures.put(progress(year, line.get("budgetLine").asText(), field), Ledger.decimal(line, field));
                }
            }
            for (JsonNode region : json(http, reportingUrl + "/api/v1/regions?year=" + year)) {
                figures.put(region(year, region.get("region").asText()), Ledger.decimal(region, "receivedUsd"));
            }
            for (String line : LoadGenerator.LINES) {
                for (JsonNode row : json(http, reportingUrl + "/api/v1/top-contributors?limit=100&year=" + year + "&budgetLine=" + line)) {
                    figures.put(contributor(year, line, row.get("contributorCode").asText()), Ledger.decimal(row, "receivedUsd"));
                }
            }
        }
        return figures;
    }

    /** The figures that differ, as "key: ledger X, report Y"; a figure missing on one side counts as zero. */
    static List<String> differences(Map<String, BigDecimal> ledger, Map<String, BigDecimal> report) {
        TreeSet<String> keys = new TreeSet<>(ledger.keySet());
        keys.addAll(report.keySet());
        return keys.stream()
                .filter(key -> value(ledger, key).compareTo(value(report, key)) != 0)
                .map(key -> key + ": ledger " + value(ledger, key).toPlainString() + ", report " + value(report, key).toPlainString())
                .toList();
    }

    /** How far the report is above (positive) or below (negative) the ledger in total received USD. */
    static BigDecimal receivedDelta(Map<String, BigDecimal> ledger, Map<String, BigDecimal> report) {
        return sumReceived(report).subtract(sumReceived(ledger));
    }

    private static BigDecimal sumReceived(Map<String, BigDecimal> figures) {
        return figures.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("progress ") && entry.getKey().endsWith(" receivedUsd"))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal value(Map<String, BigDecimal> figures, String key) {
        return figures.getOrDefault(key, BigDecimal.ZERO);
    }

    private static JsonNode json(Http http, String url) throws IOException, InterruptedException {
        Http.Reply reply = http.get(url, null);
        if (reply.status() != 200) {
            throw new IOException(url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    private Figures() {
    }
}
