package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ExchangeRateResourceTest {

    @Test
    void aRevisionIsKeptAsHistoryAndNeverChangesAmountsAlreadyRecorded() {
        Given.contributor("CHE", "Switzerland", "MEMBER_STATE");
        put("CHF", "2021-03", "0.92").statusCode(201).body("revision", equalTo(1)).body("unitsPerUsd", equalTo("0.92"));
        String before = Given.pledge("""
                {"contributorCode":"CHE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                 "region":"LATIN_AMERICA_CARIBBEAN","currency":"CHF","amount":"920000","pledgedOn":"2021-03-08"}""");

        put("CHF", "2021-03", "0.95").statusCode(200).body("revision", equalTo(2)).body("setBy", equalTo("finance-user"));
        put("CHF", "2021-03", "0.950").statusCode(200).body("revision", equalTo(2));

        given().when().get("/api/v1/exchange-rates/CHF/2021-03")
                .then().statusCode(200).body("unitsPerUsd", equalTo("0.95")).body("revision", equalTo(2));
        given().when().get("/api/v1/exchange-rates/CHF/2021-03/history")
                .then().statusCode(200).body("revision", contains(1, 2)).body("unitsPerUsd", contains("0.92", "0.95"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + before)
                .then().statusCode(200).body("fxRate", equalTo("0.92")).body("usdAmount", equalTo("1000000.00"));
        String after = Given.pledge("""
                {"contributorCode":"CHE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                 "region":"LATIN_AMERICA_CARIBBEAN","currency":"CHF","amount":"950000","pledgedOn":"2021-03-09"}""");
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + after)
                .then().statusCode(200).body("fxRate", equalTo("0.95")).body("usdAmount", equalTo("1000000.00"));
    }

    @Test
    void concurrentRevisionsOfOneMonthGetDistinctRevisionNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String rate = "3.6" + i;
            calls.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                        .body("{\"unitsPerUsd\":\"" + rate + "\"}")
                        .when().put("/api/v1/exchange-rates/AED/2021-08").statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> call : calls) {
            assertTrue(Set.of(200, 201).contains(call.get(60, TimeUnit.SECONDS)));
        }
        pool.shutdown();
        given().when().get("/api/v1/exchange-rates/AED/2021-08/history")
                .then().statusCode(200).body("revision", contains(1, 2, 3, 4, 5));
    }

    @Test
    void ratesArePublishedWithoutTrailingZeros() {
        put("NOK", "2021-09", "8.750000").statusCode(201).body("unitsPerUsd", equalTo("8.75"));
        put("IDR", "2021-09", "14250").statusCode(201).body("unitsPerUsd", equalTo("14250"));
    }

    @Test
    void onlyIsoCurrenciesRealMonthsAndPositiveRatesAreAccepted() {
        put("ABC", "2021-09", "1.5").statusCode(400).contentType("application/problem+json").body("errors.field", contains("currency"));
        put("SEK", "2021-13", "1.5").statusCode(400).body("errors.field", contains("month"));
        put("SEK", "2021-10", "0").statusCode(400).body("errors.field", contains("unitsPerUsd"));
        put("SEK", "2021-10", "-8.75").statusCode(400).body("errors.field", contains("unitsPerUsd"));
        put("USD", "2021-10", "1").statusCode(400).body("errors.field", contains("currency"));
        given().when().get("/api/v1/exchange-rates/SEK/1999-01").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/exchange-rates/XYZ/2021-01").then().statusCode(400);
    }

    @Test
    void onlyFinanceSetsRates() {
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON).body("{\"unitsPerUsd\":\"1\"}")
                .when().put("/api/v1/exchange-rates/SEK/2021-11").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"unitsPerUsd\":\"1\"}")
                .when().put("/api/v1/exchange-rates/SEK/2021-11").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse put(String currency, String month, String rate) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"unitsPerUsd\":\"" + rate + "\"}")
                .when().put("/api/v1/exchange-rates/" + currency + "/" + month).then();
    }
}
