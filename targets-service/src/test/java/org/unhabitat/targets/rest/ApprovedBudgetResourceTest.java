package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unhabitat.targets.Rows;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ApprovedBudgetResourceTest {

    @Test
    void theBoardApprovedTwelveMillionOfCoreFoundationBudgetFor2022() {
        given().queryParam("year", 2022).when().get("/api/v1/approved-budgets")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].year", equalTo(2022))
                .body("[0].budgetLine", equalTo("FOUNDATION_NON_EARMARKED"))
                .body("[0].amountUsd", equalTo("12000000.00"))
                .body("[0].revision", equalTo(1));
        given().when().get("/api/v1/approved-budgets/2022/FOUNDATION_NON_EARMARKED")
                .then().statusCode(200).body("amountUsd", equalTo("12000000.00")).body("changedBy", equalTo("reference-data"));
        given().when().get("/api/v1/approved-budgets/2022/FOUNDATION_NON_EARMARKED/history")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].changedAt", equalTo("2022-03-29T00:00:00Z"))
                .body("[0].reason", equalTo("Foundation non-earmarked budget 2022 approved by the Executive Board at its second session of 2021"));
    }

    @Test
    void approvedBudgetsAndIncomeTargetsAreSeparateFigures() {
        given().when().get("/api/v1/targets/2022/FOUNDATION_NON_EARMARKED").then().statusCode(404);
        given().queryParam("year", 2021).when().get("/api/v1/approved-budgets").then().statusCode(200).body("$", empty());
    }

    @Test
    void aFinanceUserRecordsAndRevisesABudgetAndTheHistoryShowsBothRevisionsOldestFirst() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"12000000.00\",\"reason\":\"Budget 2023 approved by the Executive Board\"}")
                .when().put("/api/v1/approved-budgets/2023/FOUNDATION_NON_EARMARKED")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/approved-budgets/2023/FOUNDATION_NON_EARMARKED"))
                .body("revision", equalTo(1))
                .body("changedBy", equalTo("finance-user"))
                .body("warnings", empty());
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"13000000.00\",\"reason\":\"Revised by the Board, decision 2023/1\"}")
                .when().put("/api/v1/approved-budgets/2023/FOUNDATION_NON_EARMARKED")
                .then().statusCode(200)
                .body("amountUsd", equalTo("13000000.00"))
                .body("revision", equalTo(2));

        given().when().get("/api/v1/approved-budgets/2023/FOUNDATION_NON_EARMARKED/history")
                .then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("amountUsd", contains("12000000.00", "13000000.00"))
                .body("reason", contains("Budget 2023 approved by the Executive Board", "Revised by the Board, decision 2023/1"));
        given().queryParam("year", 2023).when().get("/api/v1/approved-budgets")
                .then().statusCode(200)
                .body("find { it.budgetLine == 'FOUNDATION_NON_EARMARKED' }.amountUsd", equalTo("13000000.00"));
    }

    @Test
    void budgetsAddingUpToMoreThanThePlanEnvelopeAreAcceptedWithAWarning() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"70000000.00\",\"reason\":\"Exceptional year\"}")
                .when().put("/api/v1/approved-budgets/2020/REGULAR_BUDGET")
                .then().statusCode(201)
                .body("warnings", contains("The approved budgets for REGULAR_BUDGET in plan 2020-2023 add up to "
                        + "USD 70000000.00, more than the plan's envelope of USD 60000000.00"));
    }

    @Test
    void unknownLinesYearsAndBudgetsAreNotFound() {
        given().queryParam("year", 2035).when().get("/api/v1/approved-budgets")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/approved-budgets/2022/CORE")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/approved-budgets/2022/REGULAR_BUDGET/history")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No approved budget for REGULAR_BUDGET in 2022"));
        given().when().get("/api/v1/approved-budgets/2022/REGULAR_BUDGET")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theYearIsRequiredToListBudgets() {
        given().when().get("/api/v1/approved-budgets")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("year"));
    }

    @Test
    void invalidOrUnauthorizedChangesAreRejectedAndWriteNothing() {
        String path = "/api/v1/approved-budgets/2023/REGULAR_BUDGET";
        Rows.Snapshot before = Rows.snapshot();

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"-5.00\",\"reason\":\"typo\"}").when().put(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("amountUsd"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.123\",\"reason\":\"typo\"}").when().put(path)
                .then().statusCode(400).body("errors.field", contains("amountUsd"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.00\"}").when().put(path)
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.00\",\"reason\":\"x\",\"approvedBy\":\"me\"}").when().put(path)
                .then().statusCode(400).body("errors.field", contains("approvedBy"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.00\",\"reason\":\"x\"}").when().put("/api/v1/approved-budgets/2035/REGULAR_BUDGET")
                .then().statusCode(400).body("errors.field", contains("year"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.00\",\"reason\":\"x\"}").when().put("/api/v1/approved-budgets/2023/CORE")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.00\",\"reason\":\"x\"}").when().put(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"5.00\",\"reason\":\"x\"}").when().put(path)
                .then().statusCode(401).contentType("application/problem+json");

        assertEquals(before, Rows.snapshot(), "rejected requests write nothing");
        given().when().get(path + "/history").then().statusCode(404);
    }
}
