package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unhabitat.targets.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.HostileInputs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

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

    private static final String FIGURE = "{\"amountUsd\":\"1.00\",\"reason\":\"hostile\"}";
    private static final String PLAN = """
            {"lines":[{"budgetLine":"REGULAR_BUDGET","amountUsd":"1"},{"budgetLine":"FOUNDATION_NON_EARMARKED","amountUsd":"1"},
             {"budgetLine":"FOUNDATION_EARMARKED","amountUsd":"1"},{"budgetLine":"TECHNICAL_COOPERATION","amountUsd":"1"}],
             "reason":"hostile"}""";
    /** Refused whatever the code (it ends before it starts), so that a hostile value that happens to be a valid code writes nothing. */
    private static final String PROGRAMME = """
            {"name":"hostile","kind":"PROJECT","budgetLine":"TECHNICAL_COOPERATION","startYear":2022,"endYear":2021}""";
    private static final String A_PROGRAMME = "HOSTILE-TARGETS";

    /** Every path and query parameter of the service, each filled with the hostile value. */
    private static final Map<String, BiFunction<RequestSpecification, String, Response>> SLOTS = Map.ofEntries(
            Map.entry("GET targets ?year", (request, value) -> request.queryParam("year", encoded(value)).get("/api/v1/targets")),
            Map.entry("GET target {year}", (request, value) -> request.get("/api/v1/targets/" + encoded(value) + "/REGULAR_BUDGET")),
            Map.entry("GET target {budgetLine}", (request, value) -> request.get("/api/v1/targets/2021/" + encoded(value))),
            Map.entry("GET target history {budgetLine}", (request, value) -> request.get("/api/v1/targets/2021/" + encoded(value) + "/history")),
            Map.entry("PUT target {year}", (request, value) -> request.contentType(ContentType.JSON).body(FIGURE)
                    .put("/api/v1/targets/" + encoded(value) + "/REGULAR_BUDGET")),
            Map.entry("PUT target {budgetLine}", (request, value) -> request.contentType(ContentType.JSON).body(FIGURE)
                    .put("/api/v1/targets/2021/" + encoded(value))),
            Map.entry("GET approved budgets ?year", (request, value) -> request.queryParam("year", encoded(value)).get("/api/v1/approved-budgets")),
            Map.entry("GET approved budget history {year}", (request, value) -> request.get("/api/v1/approved-budgets/" + encoded(value)
                    + "/FOUNDATION_NON_EARMARKED/history")),
            Map.entry("PUT approved budget {budgetLine}", (request, value) -> request.contentType(ContentType.JSON).body(FIGURE)
                    .put("/api/v1/approved-budgets/2022/" + encoded(value))),
            Map.entry("GET plan {planId}", (request, value) -> request.get("/api/v1/plans/" + encoded(value))),
            Map.entry("PUT plan {planId}", (request, value) -> request.contentType(ContentType.JSON).body(PLAN)
                    .put("/api/v1/plans/" + encoded(value))),
            Map.entry("GET programme {code}", (request, value) -> request.get("/api/v1/programmes/" + encoded(value))),
            Map.entry("PUT programme {code}", (request, value) -> request.contentType(ContentType.JSON).body(PROGRAMME)
                    .put("/api/v1/programmes/" + encoded(value))),
            Map.entry("GET programme target {code}", (request, value) -> request.get("/api/v1/programmes/" + encoded(value)
                    + "/targets/2021")),
            Map.entry("GET programme target history {year}", (request, value) -> request.get("/api/v1/programmes/" + A_PROGRAMME
                    + "/targets/" + encoded(value) + "/history")),
            Map.entry("PUT programme target {code}", (request, value) -> request.contentType(ContentType.JSON).body(FIGURE)
                    .put("/api/v1/programmes/" + encoded(value) + "/targets/2021")),
            Map.entry("PUT programme target {year}", (request, value) -> request.contentType(ContentType.JSON).body(FIGURE)
                    .put("/api/v1/programmes/" + A_PROGRAMME + "/targets/" + encoded(value))));

    private Ledger.Counts before;
    private String finance;

    @BeforeEach
    void countOnce() {
        if (before == null) {
            finance = TestTokens.finance();
            given().auth().oauth2(finance).contentType(ContentType.JSON)
                    .body("{\"name\":\"Hostile targets\",\"kind\":\"PROJECT\",\"budgetLine\":\"TECHNICAL_COOPERATION\","
                            + "\"startYear\":2021,\"endYear\":2022}")
                    .when().put("/api/v1/programmes/" + A_PROGRAMME).then().statusCode(201);
            before = Ledger.counts();
        }
    }

    @AfterAll
    void nothingWasWritten() {
        assertEquals(before, Ledger.counts(), "hostile requests wrote rows");
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
        assertSafe(SLOTS.get(slot).apply(given().urlEncodingEnabled(false).auth().oauth2(finance).when(), value), value);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"1.00\",\"reason\":\"" + "x".repeat(70 * 1024) + "\"}")
                .when().put("/api/v1/targets/2021/REGULAR_BUDGET"), 413);
    }

    @Test
    void deeplyNestedJsonIsABadRequest() {
        for (String body : List.of(HostileInputs.deeplyNestedJson(5000), HostileInputs.deeplyNestedArray(5000),
                "{\"amountUsd\":\"1.00\",\"reason\":" + HostileInputs.deeplyNestedJson(2000) + "}")) {
            assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                    .when().put("/api/v1/targets/2021/REGULAR_BUDGET"), 400);
        }
    }

    @Test
    void absurdNumbersAreBadRequests() {
        for (String amount : List.of("1e1000000", "1e-1000000", "-0.01", "NaN", "\"Infinity\"", "9".repeat(900))) {
            Response response = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                    .body("{\"amountUsd\":" + amount + ",\"reason\":\"absurd\"}").when().put("/api/v1/targets/2021/REGULAR_BUDGET");
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
            assertProblem(request.when().put("/api/v1/targets/2021/REGULAR_BUDGET"), 415);
        }
    }
}
