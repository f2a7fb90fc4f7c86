package org.unhabitat.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unhabitat.devkit.DevTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates requests to every write endpoint of the suite that must all be refused: each starts from a
 * valid request and breaks exactly one thing about it (the token, the path, a header, the body's syntax,
 * a required field, a field's type or value), so that a 2xx always means the service let bad input in.
 */
final class HostileRequests {

    record Request(String service, String method, String path, String token, String body, Map<String, String> headers) {

        String describe() {
            String shown = body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
            return method + " " + service + path + " " + headers.keySet() + " " + shown;
        }
    }

    /** A valid request to one endpoint and the fields that it cannot do without. */
    private record Endpoint(String service, String method, Supplier<String> path, Supplier<ObjectNode> body, List<String> required) {
    }

    private static final List<String> HOSTILE_STRINGS = List.of("", " ", "NOT_A_CODE", "'; DROP TABLE pledge; --", "../../etc/passwd",
            "<script>alert(1)</script>", "\u0000", "\uD83D\uDCA5", "x".repeat(10_000), "null", "${jndi:ldap://127.0.0.1/x}");
    private static final List<String> HOSTILE_AMOUNTS = List.of("-1", "0", "0.00", "-0.01", "1.001", "1e400", "-1e-400", "NaN",
            "Infinity", "1,000.00", "99999999999999999999999999999999999999.99", "0x10", "");
    private static final List<String> HOSTILE_DATES = List.of("2021-02-30", "21-01-01", "2999-01-01", "", "yesterday", "2021-13-01",
            "+999999999-12-31");

    private final Random random;
    private final String financeToken;
    private final String partnerToken;
    private final String foreignToken;
    private final String expiredToken;
    private final List<Endpoint> endpoints;

    HostileRequests(long seed, ChaosSuite suite, List<UUID> pledges) {
        this.random = new Random(seed);
        this.financeToken = suite.finance();
        this.partnerToken = suite.tokens.mint("partner", "NOR", Duration.ofHours(1));
        this.foreignToken = new DevTokens(DevTokens.generateKeyPair().getPrivate(),
                ChaosSuite.ISSUER, ChaosSuite.AUDIENCE).mint("finance", null, Duration.ofHours(1));
        this.expiredToken = suite.tokens.mint("finance", null, Instant.now().minusSeconds(7200),
                Duration.ofMinutes(5), ChaosSuite.AUDIENCE);
        Supplier<String> pledge = () -> "/api/v1/pledges/" + pledges.get(random.nextInt(pledges.size()));
        this.endpoints = List.of(
                new Endpoint("contributions", "POST", () -> "/api/v1/pledges", this::pledge,
                        List.of("contributorCode", "budgetLine", "earmarking", "region", "currency", "amount", "pledgedOn")),
                new Endpoint("contributions", "POST", () -> pledge.get() + "/payments", () -> object()
                        .put("amount", "1.00").put("currency", "USD").put("receivedOn", "2023-06-01"),
                        List.of("amount", "currency", "receivedOn")),
                new Endpoint("contributions", "POST", () -> pledge.get() + "/corrections", () -> object()
                        .put("amount", "1000.00").put("reason", "hostile"), List.of("amount", "reason")),
                new Endpoint("contributions", "POST", () -> pledge.get() + "/cancellation", () -> object().put("reason", "hostile"),
                        List.of("reason")),
                new Endpoint("contributions", "PUT", () -> "/api/v1/contributors/HOSTILE-" + random.nextInt(1000),
                        () -> object().put("name", "Hostile").put("type", "FOUNDATION"), List.of("name", "type")),
                new Endpoint("contributions", "PUT", () -> "/api/v1/exchange-rates/CHF/2022-0" + (1 + random.nextInt(9)),
                        () -> object().put("unitsPerUsd", "0.93"), List.of("unitsPerUsd")),
                new Endpoint("targets", "PUT", () -> "/api/v1/targets/2022/" + LoadGenerator.LINES.get(random.nextInt(4)),
                        () -> object().put("amountUsd", "1000.00").put("reason", "hostile"), List.of("amountUsd", "reason")),
                new Endpoint("targets", "PUT", () -> "/api/v1/approved-budgets/2022/" + LoadGenerator.LINES.get(random.nextInt(4)),
                        () -> object().put("amountUsd", "1000.00").put("reason", "hostile"), List.of("amountUsd", "reason")),
                new Endpoint("targets", "PUT", () -> "/api/v1/plans/2030-2033", this::plan, List.of("lines", "reason")),
                new Endpoint("reporting", "POST", () -> "/api/v1/admin/rebuild", () -> null, List.of()),
                new Endpoint("reporting", "POST", () -> "/api/v1/snapshots/2021-12", () -> null, List.of()),
                new Endpoint("reporting", "POST", () -> "/api/v1/admin/dead-letters/redrive", () -> null, List.of()),
                new Endpoint("reporting", "DELETE", () -> "/api/v1/admin/dead-letters/contributions.events-0-" + random.nextInt(1000),
                        () -> object().put("reason", "hostile"), List.of("reason")));
    }

    Request next() {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        ObjectNode valid = endpoint.body().get();
        // Endpoints without a body accept any admin; only a broken token is wrong there.
        int kind = valid == null ? random.nextInt(4) : random.nextInt(12);
        String token = endpoint.service().equals("reporting") ? null : financeToken;
        Map<String, String> headers = Map.of();
        String path = endpoint.path().get();
        String body = valid == null ? null : valid.toString();
        switch (kind) {
            case 0 -> token = null;
            case 1 -> token = foreignToken;
            case 2 -> token = expiredToken;
            case 3 -> token = random.nextBoolean() ? "not.a.jwt" : partnerToken;
            case 4 -> body = brokenSyntax(body);
            case 5 -> body = wrongShape();
            case 6 -> {
                valid.remove(endpoint.required().get(random.nextInt(endpoint.required().size())));
                body = valid.toString();
            }
            case 7 -> {
                valid.set(endpoint.required().get(random.nextInt(endpoint.required().size())), object().put("nested", 1));
                body = valid.toString();
            }
            case 8 -> {
                body = hostileValue(endpoint, valid);
            }
            case 9 -> {
                valid.put("unexpected" + random.nextInt(10), "surplus");
                body = valid.toString();
            }
            case 10 -> headers = random.nextBoolean()
                    ? Map.of("Content-Type", random.nextBoolean() ? "text/plain" : "application/xml")
                    : Map.of("Idempotency-Key", "k".repeat(256));
            default -> path = hostilePath(endpoint, path);
        }
        if (kind == 10 && headers.containsKey("Idempotency-Key") && !endpoint.method().equals("POST")) {
            headers = Map.of("Content-Type", "text/plain");
        }
        return new Request(endpoint.service(), endpoint.method(), path, token, body, headers);
    }

    private String hostileValue(Endpoint endpoint, ObjectNode valid) {
        String field = endpoint.required().get(random.nextInt(endpoint.required().size()));
        String value;
        if (field.toLowerCase().contains("amount") || field.equals("unitsPerUsd")) {
            // A zero target or approved budget is a real figure, not bad input; zero money or a zero rate is.
            // A rate has more than two decimals by nature: 1.001 units per dollar is a rate, not a hostile value.
            List<String> amounts = field.equals("amountUsd")
                    ? HOSTILE_AMOUNTS.stream().filter(amount -> !amount.matches("0(\\.0+)?")).toList()
                    : field.equals("unitsPerUsd") ? HOSTILE_AMOUNTS.stream().filter(amount -> !amount.equals("1.001")).toList()
                    : HOSTILE_AMOUNTS;
            value = amounts.get(random.nextInt(amounts.size()));
        } else if (field.endsWith("On")) {
            value = HOSTILE_DATES.get(random.nextInt(HOSTILE_DATES.size()));
        } else if (field.equals("reason") || field.equals("name")) {
            // Free text: only emptiness or excess is wrong.
            value = random.nextBoolean() ? "" : "x".repeat(2_000);
        } else if (field.equals("lines")) {
            valid.putArray("lines").addObject().put("budgetLine", "REGULAR_BUDGET").put("amountUsd", "-5");
            return valid.toString();
        } else {
            value = HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
        }
        valid.put(field, value);
        return valid.toString();
    }

    private String hostilePath(Endpoint endpoint, String path) {
        if (path.equals("/api/v1/pledges")) {
            return List.of("/api/v1/pledge", "/api/v1/pledges/" + UUID.randomUUID(), "/api/v1/pledges/%2e%2e").get(random.nextInt(3));
        }
        if (path.startsWith("/api/v1/pledges/")) {
            return random.nextBoolean() ? path.replaceFirst("/api/v1/pledges/[^/]+", "/api/v1/pledges/" + UUID.randomUUID())
                    : path.replaceFirst("/api/v1/pledges/[^/]+", "/api/v1/pledges/not-a-uuid%00");
        }
        if (path.startsWith("/api/v1/contributors/")) {
            return "/api/v1/contributors/" + List.of("lower-case", "A", "X".repeat(33), "%27%3B--", "SP%20ACE").get(random.nextInt(5));
        }
        if (path.startsWith("/api/v1/exchange-rates/")) {
            return List.of("/api/v1/exchange-rates/USD/2022-01", "/api/v1/exchange-rates/XXX/2022-01",
                    "/api/v1/exchange-rates/CHF/2022-13", "/api/v1/exchange-rates/CHF/22-01").get(random.nextInt(4));
        }
        if (path.startsWith("/api/v1/plans/")) {
            return "/api/v1/plans/" + List.of("2020-2023", "2033-2030", "2030-2050", "plan", "2024-2027x").get(random.nextInt(5));
        }
        if (path.startsWith("/api/v1/snapshots/") || path.startsWith("/api/v1/admin/")) {
            return path;
        }
        String[] parts = path.split("/");
        return random.nextBoolean()
                ? "/api/v1/" + parts[3] + "/" + List.of("abc", "-1", "99999", "2022.5").get(random.nextInt(4)) + "/" + parts[5]
                : "/api/v1/" + parts[3] + "/" + parts[4] + "/NOT_A_LINE";
    }

    private String brokenSyntax(String body) {
        return switch (random.nextInt(5)) {
            case 0 -> body.substring(0, Math.max(1, random.nextInt(body.length())));
            case 1 -> body.replace("\"", "'");
            case 2 -> "[".repeat(5000) + "]".repeat(5000);
            case 3 -> body + "}}}";
            default -> "\u00ff\u00fe garbage";
        };
    }

    private String wrongShape() {
        return List.of("[]", "\"a string\"", "42", "null", "true", "{}").get(random.nextInt(6));
    }

    private ObjectNode pledge() {
        ObjectNode body = object().put("contributorCode", "SWE").put("budgetLine", "FOUNDATION_EARMARKED")
                .put("earmarking", "SOFTLY_EARMARKED").put("region", "GLOBAL").put("currency", "USD")
                .put("amount", "1000.00").put("pledgedOn", "2022-05-01").put("reference", "HOSTILE-" + UUID.randomUUID());
        body.putArray("schedule").addObject().put("year", 2022).put("amount", "1000.00");
        return body;
    }

    private ObjectNode plan() {
        ObjectNode body = object().put("reason", "hostile");
        var lines = body.putArray("lines");
        LoadGenerator.LINES.forEach(line -> lines.addObject().put("budgetLine", line).put("amountUsd", "1000.00"));
        return body;
    }

    private static ObjectNode object() {
        return Http.JSON.createObjectNode();
    }
}
