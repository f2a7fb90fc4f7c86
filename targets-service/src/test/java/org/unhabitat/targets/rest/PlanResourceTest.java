package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PlanResourceTest {

    @Test
    void theFourCoreBudgetLinesAreListedInBoardOrder() {
        given().when().get("/api/v1/budget-lines")
                .then().statusCode(200)
                .body("code", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("name", contains("Regular budget", "Foundation non-earmarked", "Foundation earmarked", "Technical cooperation"));
    }

    @Test
    void thePlan2020To2023NeedsNineHundredSeventyMillionAcrossTheFourLines() {
        given().when().get("/api/v1/plans/2020-2023")
                .then().statusCode(200)
                .body("id", equalTo("2020-2023"))
                .body("startYear", equalTo(2020))
                .body("endYear", equalTo(2023))
                .body("lines.budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("lines.amountUsd", contains("60000000.00", "41000000.00", "262000000.00", "607000000.00"))
                .body("totalUsd", equalTo("970000000.00"));
    }

    @Test
    void anUnknownPlanIsANotFoundProblem() {
        given().when().get("/api/v1/plans/2019-2022")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No plan with id 2019-2022"))
                .body("type", startsWith("https://"));
    }
}
