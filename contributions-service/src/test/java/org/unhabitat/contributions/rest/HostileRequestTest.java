package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.HostileInputs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;
import static org.unhabitat.testing.security.Problems.assertSafe;

/**
 * OWASP API4 and API8 under attack: injection and traversal strings in every path and query
 * parameter, oversized, deeply nested and mistyped bodies. None may cause a 5xx, leak internals or
 * write a row, even with a finance token (the attacker holding a stolen one).
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestTest {

    private static final String PLEDGE = """
            {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
             "region":"GLOBAL","currency":"SEK","amount":"1000","pledgedOn":"2021-09-15"}""";
    private static final String PAYMENT = "{\"amount\":\"1\",\"currency\":\"SEK\",\"receivedOn\":\"2021-09-20\"}";
    private static final String SOME_ID = "00000000-0000-4000-8000-000000000001";

    /** Every path and query parameter of the service, each filled with the hostile value. */
    private static final Map<String, BiFunction<RequestSpecification, String, Response>> SLOTS = Map.ofEntries(
            Map.entry("GET contributor {code}", (request, value) -> request.get("/api/v1/contributors/" + encoded(value))),
            Map.entry("PUT contributor {code}", (request, value) -> request.contentType(ContentType.JSON)
                    .body("{\"name\":\"X\",\"type\":\"MEMBER_STATE\"}").put("/api/v1/contributors/" + encoded(value))),
            Map.entry("GET rate {currency}", (request, value) -> request.get("/api/v1/exchange-rates/" + encoded(value) + "/2021-09")),
            Map.entry("GET rate {month}", (request, value) -> request.get("/api/v1/exchange-rates/SEK/" + encoded(value))),
            Map.entry("GET rate history {month}", (request, value) -> request.get("/api/v1/exchange-rates/SEK/" + encoded(value) + "/history")),
            Map.entry("PUT rate {currency}", (request, value) -> request.contentType(ContentType.JSON).body("{\"unitsPerUsd\":\"2\"}")
                    .put("/api/v1/exchange-rates/" + encoded(value) + "/2021-09")),
            Map.entry("PUT rate {month}", (request, value) -> request.contentType(ContentType.JSON).body("{\"unitsPerUsd\":\"2\"}")
                    .put("/api/v1/exchange-rates/SEK/" + encoded(value))),
            Map.entry("GET pledge {id}", (request, value) -> request.get("/api/v1/pledges/" + encoded(value))),
            Map.entry("GET pledge versions {id}", (request, value) -> request.get("/api/v1/pledges/" + encoded(value) + "/versions")),
            Map.entry("GET pledge audit {id}", (request, value) -> request.get("/api/v1/pledges/" + encoded(value) + "/audit")),
            Map.entry("GET payment {paymentId}", (request, value) -> request.get("/api/v1/pledges/" + SOME_ID + "/payments/" + encoded(value))),
            Map.entry("POST payment {id}", (request, value) -> request.contentType(ContentType.JSON).body(PAYMENT)
                    .post("/api/v1/pledges/" + encoded(value) + "/payments")),
            Map.entry("POST cancellation {id}", (request, value) -> request.contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .post("/api/v1/pledges/" + encoded(value) + "/cancellation")),
            Map.entry("POST pledge Idempotency-Key", (request, value) -> request.contentType(ContentType.JSON).body("{}")
                    .header("Idempotency-Key", value).post("/api/v1/pledges")),
            Map.entry("GET pledges ?contributor", (request, value) -> request.queryParam("contributor", encoded(value)).get("/api/v1/pledges")),
            Map.entry("GET pledges ?budgetLine", (request, value) -> request.queryParam("budgetLine", encoded(value)).get("/api/v1/pledges")),
            Map.entry("GET pledges ?year", (request, value) -> request.queryParam("year", encoded(value)).get("/api/v1/pledges")),
            Map.entry("GET pledges ?status", (request, value) -> request.queryParam("status", encoded(value)).get("/api/v1/pledges")),
            Map.entry("GET pledges ?limit", (request, value) -> request.queryParam("limit", encoded(value)).get("/api/v1/pledges")),
            Map.entry("GET pledges ?cursor", (request, value) -> request.queryParam("cursor", encoded(value)).get("/api/v1/pledges")));

    @Inject
    DataSource dataSource;

    /** Counted before the first test, once the service is up; -1 until then. */
    private long rowsBefore = -1;
    private String finance;

    @BeforeEach
    void countRowsOnce() {
        if (rowsBefore < 0) {
            Given.contributor("SWE", "Sweden", "MEMBER_STATE");
            Given.rate("SEK", "2021-09", "8.75");
            rowsBefore = Ledger.rows(dataSource);
            finance = TestTokens.finance();
        }
    }

    @AfterAll
    void nothingWasWritten() {
        assertEquals(rowsBefore, Ledger.rows(dataSource), "hostile requests wrote rows");
    }

    static Stream<Arguments> hostileValueInEverySlot() {
        return SLOTS.keySet().stream().sorted()
                .flatMap(slot -> HostileInputs.VALUES.stream().map(value -> Arguments.of(slot, value)));
    }

    /** Encoded here rather than by REST Assured, which would read "{7*7}" as a template of its own. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileValueInEverySlot")
    void aHostileParameterIsRefusedWithoutAServerErrorOrALeak(String slot, String value) {
        // A header carries printable ASCII only; anything else is refused by the HTTP client or codec itself.
        if (slot.endsWith("Idempotency-Key") && !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return;
        }
        Response response = SLOTS.get(slot).apply(given().urlEncodingEnabled(false).auth().oauth2(finance).when(), value);
        assertSafe(response, value);
    }

    @Test
    void anUnencodedTraversalOutOfTheApiFindsNothing() {
        for (String path : List.of("/api/v1/contributors/../../../q/openapi", "/api/v1/contributors/..%2F..%2F..%2Fq%2Fhealth",
                "/api/v1/pledges/%2e%2e/%2e%2e/contributors/SWE", "/api/v1/exchange-rates/SEK/2021-09/..;/..;/history")) {
            Response response = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.partner("DNK")).when().get(path);
            assertSafe(response);
        }
    }

    @Test
    void aPageIsAtMost500Pledges() {
        given().auth().oauth2(finance).when().get("/api/v1/pledges?limit=500").then().statusCode(200);
        assertProblem(given().auth().oauth2(finance).when().get("/api/v1/pledges?limit=501"), 400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        String padding = "x".repeat(70 * 1024);
        Response response = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(PLEDGE.replace("}", ",\"reference\":\"" + padding + "\"}")).when().post("/api/v1/pledges");
        assertProblem(response, 413);
    }

    @Test
    void deeplyNestedJsonIsABadRequest() {
        for (String body : List.of(HostileInputs.deeplyNestedJson(5000), HostileInputs.deeplyNestedArray(5000),
                PLEDGE.replace("\"GLOBAL\"", HostileInputs.deeplyNestedJson(2000)))) {
            assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/pledges"), 400);
        }
    }

    @Test
    void absurdNumbersAreBadRequests() {
        for (String amount : List.of("1e1000000", "1e-1000000", "-0", "NaN", "\"Infinity\"", "9".repeat(900))) {
            Response response = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                    .body(PLEDGE.replace("\"1000\"", amount)).when().post("/api/v1/pledges");
            assertSafe(response);
            assertEquals(400, response.statusCode(), amount);
        }
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>";
        for (ContentType type : List.of(ContentType.XML, ContentType.TEXT, ContentType.URLENC, ContentType.BINARY)) {
            RequestSpecification request = given().auth().oauth2(TestTokens.finance()).contentType(type);
            // REST Assured sends octet-stream only from bytes, and the other types only from text.
            request = type == ContentType.BINARY ? request.body(xxe.getBytes(StandardCharsets.UTF_8)) : request.body(xxe);
            assertProblem(request.when().post("/api/v1/pledges"), 415);
        }
    }
}
