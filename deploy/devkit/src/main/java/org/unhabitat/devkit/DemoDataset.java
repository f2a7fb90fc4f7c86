package org.unhabitat.devkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the illustrative 2021 dataset through the services' public APIs, as finance would: programmes and their
 * targets in targets-service, contributors, rates, pledges and payments in contributions-service. Loading it again
 * changes nothing: programmes are PUT by code, pledges carry references and Idempotency-Keys, and payments are
 * posted only beyond those a pledge already has.
 *
 * <p>Usage: {@code DemoDataset CONTRIBUTIONS_URL TARGETS_URL KEY_DIRECTORY ISSUER AUDIENCE}
 */
public final class DemoDataset {

    public static final String RESOURCE = "/demo/demo-2021.psv";
    private static final Pattern RECEIVED_ON = Pattern.compile("\"receivedOn\"");
    /** How long contributions-service may take to learn a programme from targets-service's event. */
    private static final Duration PROGRAMME_KNOWN_WITHIN = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String contributionsUrl;
    private final String targetsUrl;
    private final String token;

    public DemoDataset(String contributionsUrl, String targetsUrl, String financeToken) {
        this.contributionsUrl = contributionsUrl;
        this.targetsUrl = targetsUrl;
        this.token = financeToken;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: DemoDataset CONTRIBUTIONS_URL TARGETS_URL KEY_DIRECTORY ISSUER AUDIENCE");
            System.exit(2);
        }
        DevTokens tokens = DevTokens.fromKeyDirectory(Path.of(args[2]), args[3], args[4]);
        DemoDataset dataset = new DemoDataset(args[0], args[1], tokens.mint("finance", null, Duration.ofHours(1)));
        dataset.load();
        System.out.println("Demo dataset loaded (illustrative 2021 figures; loading it again changes nothing)");
    }

    public void load() throws IOException, InterruptedException {
        List<String[]> rows = rows();
        String pledgeId = null;
        String reference = null;
        int paymentIndex = 0;
        int existingPayments = 0;
        for (String[] row : rows) {
            switch (row[0]) {
                case "G" -> put(targetsUrl, "/api/v1/programmes/" + row[1], ("{\"name\":%s,\"kind\":\"%s\",\"budgetLine\":\"%s\"%s,"
                        + "\"startYear\":%s%s}").formatted(quote(row[2]), row[3], row[4], optional("region", row, 5, true),
                        row[6], optional("endYear", row, 7, false)));
                case "T" -> put(targetsUrl, "/api/v1/programmes/" + row[1] + "/targets/" + row[2],
                        "{\"amountUsd\":\"%s\",\"reason\":%s}".formatted(row[3], quote(row[4])));
                case "C" -> put(contributionsUrl, "/api/v1/contributors/" + row[1], "{\"name\":%s,\"type\":\"%s\"%s}".formatted(
                        quote(row[2]), row[3], optional("country", row, 4, true)));
                case "R" -> put(contributionsUrl, "/api/v1/exchange-rates/" + row[1] + "/" + row[2], "{\"unitsPerUsd\":\"" + row[3] + "\"}");
                case "P" -> {
                    reference = row[1];
                    pledgeId = postPledge(row);
                    existingPayments = countPayments(pledgeId);
                    paymentIndex = 0;
                }
                case "$" -> {
                    paymentIndex++;
                    if (paymentIndex > existingPayments) {
                        post(contributionsUrl + "/api/v1/pledges/" + pledgeId + "/payments", "demo:" + reference + ":payment:" + paymentIndex,
                                "{\"amount\":\"%s\",\"currency\":\"%s\",\"receivedOn\":\"%s\",\"forYear\":%s}".formatted(
                                        row[1], currencyOf(rows, reference), row[2], row[3]));
                    }
                }
                default -> throw new IllegalStateException("Unknown row kind " + row[0]);
            }
        }
    }

    private String postPledge(String[] row) throws IOException, InterruptedException {
        String schedule = row.length > 9 && !row[9].isEmpty()
                ? ",\"schedule\":[" + String.join(",", List.of(row[9].split(";")).stream().map(entry -> {
                    String[] yearAmount = entry.split(":");
                    return "{\"year\":%s,\"amount\":\"%s\"}".formatted(yearAmount[0], yearAmount[1]);
                }).toList()) + "]"
                : "";
        String body = ("{\"contributorCode\":\"%s\",\"budgetLine\":\"%s\",\"earmarking\":\"%s\",\"region\":\"%s\","
                + "\"currency\":\"%s\",\"amount\":\"%s\",\"pledgedOn\":\"%s\",\"reference\":\"%s\"%s%s%s%s}")
                .formatted(row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[1], schedule,
                        optional("programme", row, 10, true), optional("channel", row, 11, true), optional("modality", row, 12, true));
        HttpResponse<String> response = postPledge(body, "demo:" + row[1] + ":" + fingerprint(body));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Pledge " + row[1] + " refused: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Pledge " + row[1] + " answered without a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * contributions-service learns programmes from targets-service's events, so a pledge to a programme defined a
     * moment ago may be refused as unknown until the event arrives: that one answer is retried for a while.
     */
    private HttpResponse<String> postPledge(String body, String idempotencyKey) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PROGRAMME_KNOWN_WITHIN);
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(contributionsUrl + "/api/v1/pledges"))
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 422 || !response.body().contains("unknown-programme") || Instant.now().isAfter(deadline)) {
                return response;
            }
            Thread.sleep(500);
        }
    }

    private int countPayments(String pledgeId) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(contributionsUrl + "/api/v1/pledges/" + pledgeId)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Pledge " + pledgeId + " unreadable: " + response.statusCode());
        }
        Matcher matcher = RECEIVED_ON.matcher(response.body());
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private void put(String service, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(service + path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + path + " refused: " + response.statusCode() + " " + response.body());
        }
    }

    private void post(String url, String idempotencyKey, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " refused: " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return response;
    }

    private static String currencyOf(List<String[]> rows, String reference) {
        return rows.stream().filter(row -> "P".equals(row[0]) && Objects.equals(row[1], reference)).findFirst()
                .map(row -> row[6]).orElseThrow();
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(DemoDataset.class.getResourceAsStream(RESOURCE), RESOURCE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\\|", -1));
                }
            }
        }
        return rows;
    }

    /** {@code ,"name":value} when the row has a non-empty column there, else nothing; quoted for a text value. */
    private static String optional(String name, String[] row, int column, boolean text) {
        if (row.length <= column || row[column].isEmpty()) {
            return "";
        }
        return ",\"" + name + "\":" + (text ? quote(row[column]) : row[column]);
    }

    /**
     * Part of the pledge's Idempotency-Key: a row changed in a later version of the dataset is another request, which
     * its reference then answers with 409, rather than a reuse of the key with another body (422).
     */
    private static String fingerprint(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
