package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unhabitat.targets.Rows;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first three tests read and then revise the 2021 reference targets, so they run in that order;
 * no other test touches the 2021 targets. Every other test uses a year and line of its own.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetResourceTest {

    @Test
    @Order(1)
    void theTargetsOf2021AreTheReportsFiguresAsExactDecimalStrings() {
        given().queryParam("year", 2021).when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("year", everyItem(equalTo(2021)))
                .body("budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("amountUsd", contains("14500000.00", "10000000.00", "43300000.00", "152600000.00"))
                .body("revision", contains(1, 1, 1, 1));
    }

    @Test
    @Order(2)
    void aReferenceTargetHasOneRevisionSayingWhoSetItWhenAndWhy() {
        given().when().get("/api/v1/targets/2021/FOUNDATION_NON_EARMARKED/history")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].amountUsd", equalTo("10000000.00"))
                .body("[0].revision", equalTo(1))
                .body("[0].changedBy", equalTo("reference-data"))
                .body("[0].changedAt", equalTo("2022-03-29T00:00:00Z"))
                .body("[0].reason", equalTo("Income target 2021 (Figure 2)"));
    }

    @Test
    @Order(3)
    void aFinanceUserRevisesThe2021CoreTargetAndTheHistoryShowsBothRevisionsOldestFirst() {
        Instant before = Instant.now();
        String changedAt = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"10500000.00\",\"reason\":\"Mid-year review: two new core pledges\"}")
                .when().put("/api/v1/targets/2021/FOUNDATION_NON_EARMARKED")
                .then().statusCode(200)
                .body("year", equalTo(2021))
                .body("budgetLine", equalTo("FOUNDATION_NON_EARMARKED"))
                .body("amountUsd", equalTo("10500000.00"))
                .body("revision", equalTo(2))
                .body("changedBy", equalTo("finance-user"))
                .body("reason", equalTo("Mid-year review: two new core pledges"))
                .body("warnings", empty())
                .extract().path("changedAt");
        assertTrue(!Instant.parse(changedAt).isBefore(before.minusSeconds(1)), "changedAt is the time of the request");

        given().when().get("/api/v1/targets/2021/FOUNDATION_NON_EARMARKED/history")
                .then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("amountUsd", contains("10000000.00", "10500000.00"))
                .body("changedBy", contains("reference-data", "finance-user"))
                .body("reason", contains("Income target 2021 (Figure 2)", "Mid-year review: two new core pledges"))
                .body("[1].changedAt", equalTo(changedAt));
        given().when().get("/api/v1/targets/2021/FOUNDATION_NON_EARMARKED")
                .then().statusCode(200).body("amountUsd", equalTo("10500000.00")).body("revision", equalTo(2));
        given().queryParam("year", 2021).when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("amountUsd", contains("14500000.00", "10500000.00", "43300000.00", "152600000.00"))
                .body("revision", contains(1, 2, 1, 1));
    }

    @Test
    void theCurrentTargetOfAYearAndLineIsItsLatestRevision() {
        given().when().get("/api/v1/targets/2021/TECHNICAL_COOPERATION")
                .then().statusCode(200)
                .body("year", equalTo(2021))
                .body("budgetLine", equalTo("TECHNICAL_COOPERATION"))
                .body("amountUsd", equalTo("152600000.00"))
                .body("revision", equalTo(1));
    }

    @Test
    void aFirstTargetIsCreatedWith201AndALocationWithoutWarningsWhenWithinTheEnvelope() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"15000000\",\"reason\":\"Target 2022 as proposed to the Board\"}")
                .when().put("/api/v1/targets/2022/REGULAR_BUDGET")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/targets/2022/REGULAR_BUDGET"))
                .body("amountUsd", equalTo("15000000.00"))
                .body("revision", equalTo(1))
                .body("changedBy", equalTo("finance-user"))
                .body("warnings", empty());
    }

    @Test
    void anUnchangedAmountIsNotANewRevisionAndPublishesNothing() {
        String firstReason = "Target 2022 as proposed to the Board";
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"160000000.00\",\"reason\":\"" + firstReason + "\"}")
                .when().put("/api/v1/targets/2022/TECHNICAL_COOPERATION")
                .then().statusCode(201).body("revision", equalTo(1));
        Rows.Snapshot before = Rows.snapshot();

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"160000000.0\",\"reason\":\"Same figure, sent again\"}")
                .when().put("/api/v1/targets/2022/TECHNICAL_COOPERATION")
                .then().statusCode(200)
                .body("amountUsd", equalTo("160000000.00"))
                .body("revision", equalTo(1))
                .body("reason", equalTo(firstReason))
                .body("warnings", empty());

        assertEquals(before, Rows.snapshot(), "no revision and no event");
        given().when().get("/api/v1/targets/2022/TECHNICAL_COOPERATION/history").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void concurrentChangesOfOneTargetEachBecomeTheirOwnRevision() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = IntStream.rangeClosed(1, writers)
                    .mapToObj(i -> pool.submit(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                            .body("{\"amountUsd\":\"" + i + "000000.00\",\"reason\":\"Writer " + i + "\"}")
                            .when().put("/api/v1/targets/2023/REGULAR_BUDGET")
                            .then().extract().statusCode()))
                    .toList();
            for (Future<Integer> status : statuses) {
                assertTrue(List.of(200, 201).contains(status.get(30, TimeUnit.SECONDS)), "every writer succeeds");
            }
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/v1/targets/2023/REGULAR_BUDGET/history")
                .then().statusCode(200)
                .body("revision", contains(1, 2, 3, 4, 5, 6));
        assertEquals(writers, Rows.outboxEventsFor("2023:REGULAR_BUDGET"), "one event per revision");
    }

    @Test
    void targetsAddingUpToMoreThanThePlanEnvelopeAreAcceptedWithAWarning() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"250000000.00\",\"reason\":\"Target 2022 as proposed to the Board\"}")
                .when().put("/api/v1/targets/2022/FOUNDATION_EARMARKED")
                .then().statusCode(201)
                .body("amountUsd", equalTo("250000000.00"))
                .body("warnings", contains("The income targets for FOUNDATION_EARMARKED in plan 2020-2023 add up to "
                        + "USD 293300000.00, more than the plan's envelope of USD 262000000.00"));
    }

    @Test
    void aYearInsideAPlanWithoutTargetsHasAnEmptyList() {
        given().queryParam("year", 2020).when().get("/api/v1/targets")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void aYearOutsideEveryPlanIsNotFound() {
        given().queryParam("year", 2019).when().get("/api/v1/targets")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No strategic plan covers 2019"));
    }

    @Test
    void theYearIsRequiredToListTargets() {
        given().when().get("/api/v1/targets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("year"));
    }

    @Test
    void anUnknownBudgetLineIsNotFoundOnEveryTargetEndpoint() {
        String detail = "No budget line CORE; the lines are REGULAR_BUDGET, FOUNDATION_NON_EARMARKED, "
                + "FOUNDATION_EARMARKED, TECHNICAL_COOPERATION";
        given().when().get("/api/v1/targets/2021/CORE")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo(detail));
        given().when().get("/api/v1/targets/2021/CORE/history")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo(detail));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"1.00\",\"reason\":\"test\"}")
                .when().put("/api/v1/targets/2021/CORE")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo(detail));
    }

    @Test
    void aYearThatIsNotANumberIsNotFound() {
        given().when().get("/api/v1/targets/twenty-one/REGULAR_BUDGET/history")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTargetThatWasNeverSetIsNotFound() {
        given().when().get("/api/v1/targets/2023/TECHNICAL_COOPERATION")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No income target for TECHNICAL_COOPERATION in 2023"));
        given().when().get("/api/v1/targets/2030/TECHNICAL_COOPERATION/history")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No income target for TECHNICAL_COOPERATION in 2030"));
    }
}
