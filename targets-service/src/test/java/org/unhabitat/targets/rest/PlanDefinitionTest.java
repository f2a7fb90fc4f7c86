package org.unhabitat.targets.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.targets.Rows;
import org.unhabitat.targets.messaging.events.PlanLineDefinedV1;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PlanDefinitionTest {

    private static final String PLAN_2024_2025 = """
            {"lines": [
               {"budgetLine": "REGULAR_BUDGET", "amountUsd": "30000000.00"},
               {"budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "22000000.00"},
               {"budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "135000000.00"},
               {"budgetLine": "TECHNICAL_COOPERATION", "amountUsd": "310000000"}
             ],
             "reason": "Strategic plan 2024-2025 resource requirement"}""";

    private static final String PLAN_2020_2023 = """
            {"lines": [
               {"budgetLine": "TECHNICAL_COOPERATION", "amountUsd": "607000000"},
               {"budgetLine": "REGULAR_BUDGET", "amountUsd": "60000000.00"},
               {"budgetLine": "FOUNDATION_NON_EARMARKED", "amountUsd": "41000000.00"},
               {"budgetLine": "FOUNDATION_EARMARKED", "amountUsd": "262000000.00"}
             ],
             "reason": "Sent again"}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aFinanceUserDefinesPlan2024To2025AndEachLineIsPublishedKeyedByThePlanId() throws Exception {
        define(TestTokens.finance(), "2024-2025", PLAN_2024_2025)
                .statusCode(201)
                .header("Location", endsWith("/api/v1/plans/2024-2025"))
                .body("id", equalTo("2024-2025"))
                .body("startYear", equalTo(2024))
                .body("endYear", equalTo(2025))
                .body("lines.budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("lines.amountUsd", contains("30000000.00", "22000000.00", "135000000.00", "310000000.00"))
                .body("totalUsd", equalTo("497000000.00"));
        given().when().get("/api/v1/plans/2024-2025").then().statusCode(200).body("totalUsd", equalTo("497000000.00"));
        given().when().get("/api/v1/plans").then().statusCode(200).body("id", hasItems("2020-2023", "2024-2025"));

        Predicate<ConsumerRecord<String, String>> planLine = r -> "2024-2025".equals(r.key())
                && PlanLineDefinedV1.TYPE.equals(KafkaRecords.header(r, "ce_type"));
        List<ConsumerRecord<String, String>> events = KafkaRecords.readUntil(bootstrapServers, "targets.events",
                read -> read.stream().filter(planLine).count() >= 4, Duration.ofSeconds(30)).stream().filter(planLine).toList();
        assertEquals(4, events.size());
        JsonNode regularBudget = new ObjectMapper().readTree(events.get(0).value());
        assertEquals(new ObjectMapper().readTree("""
                {"planId": "2024-2025", "startYear": 2024, "endYear": 2025, "budgetLine": "REGULAR_BUDGET",
                 "amountUsd": "30000000.00", "definedBy": "finance-user", "reason": "Strategic plan 2024-2025 resource requirement"}"""),
                regularBudget);

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"15000000.00\",\"reason\":\"First target of the new plan\"}")
                .when().put("/api/v1/targets/2024/REGULAR_BUDGET")
                .then().statusCode(201);
    }

    @Test
    void anAdminDefinesPlan2026To2029() {
        define(TestTokens.admin(), "2026-2029", PLAN_2024_2025.replace("2024-2025", "2026-2029"))
                .statusCode(201)
                .body("id", equalTo("2026-2029"));
    }

    @Test
    void thePlansAreListedEarliestFirst() {
        given().when().get("/api/v1/plans")
                .then().statusCode(200)
                .body("[0].id", equalTo("2020-2023"))
                .body("[0].totalUsd", equalTo("970000000.00"));
    }

    @Test
    void definingAnExistingPlanAgainWithTheSameEnvelopesChangesNothing() {
        Rows.Snapshot before = Rows.snapshot();
        define(TestTokens.finance(), "2020-2023", PLAN_2020_2023)
                .statusCode(200)
                .body("totalUsd", equalTo("970000000.00"));
        assertEquals(before, Rows.snapshot(), "no plan written and no event");
    }

    @Test
    void otherEnvelopesForAnExistingPlanAreAConflict() {
        rejected(TestTokens.finance(), "2020-2023", PLAN_2020_2023.replace("41000000.00", "45000000.00"), 409)
                .body("type", equalTo("https://open.unhabitat.org/problems/conflict"))
                .body("detail", equalTo("Plan 2020-2023 is already defined with other envelopes; plans are not revised"));
    }

    @Test
    void aPlanOverlappingAnotherPlanIsAConflict() {
        rejected(TestTokens.finance(), "2023-2024", PLAN_2024_2025, 409)
                .body("detail", equalTo("Plan 2023-2024 overlaps plan 2020-2023; a year belongs to one plan only"));
        rejected(TestTokens.finance(), "2019-2021", PLAN_2024_2025, 409);
        given().when().get("/api/v1/plans/2023-2024").then().statusCode(404);
    }

    @Test
    void aMalformedReversedOrTooLongPlanIdIsRejectedWithAFieldError() {
        rejected(TestTokens.finance(), "2030", PLAN_2024_2025, 400)
                .body("errors.field", contains("planId"))
                .body("errors.message", contains("must be START-END, e.g. 2024-2025"));
        rejected(TestTokens.finance(), "2032-2030", PLAN_2024_2025, 400).body("errors.field", contains("planId"));
        rejected(TestTokens.finance(), "2030-2045", PLAN_2024_2025, 400).body("errors.field", contains("planId"));
    }

    @Test
    void aMissingOrRepeatedLineIsRejectedWithAFieldError() {
        String threeLines = PLAN_2024_2025.replace("{\"budgetLine\": \"REGULAR_BUDGET\", \"amountUsd\": \"30000000.00\"},", "");
        rejected(TestTokens.finance(), "2030-2031", threeLines, 400)
                .body("errors.field", contains("lines"))
                .body("errors.message", contains("must name each of the four core budget lines once"));
        String repeated = PLAN_2024_2025.replace("\"budgetLine\": \"REGULAR_BUDGET\"", "\"budgetLine\": \"TECHNICAL_COOPERATION\"");
        rejected(TestTokens.finance(), "2030-2031", repeated, 400)
                .body("errors.field", contains("lines"))
                .body("errors.message", contains("must name each of the four core budget lines once"));
    }

    @Test
    void invalidLinesAmountsReasonsAndPropertiesAreRejectedWithFieldErrors() {
        rejected(TestTokens.finance(), "2030-2031", PLAN_2024_2025.replace("\"30000000.00\"", "\"-1.00\""), 400)
                .body("errors.field", contains("lines[0].amountUsd"));
        rejected(TestTokens.finance(), "2030-2031", PLAN_2024_2025.replace("\"30000000.00\"", "\"1.001\""), 400)
                .body("errors.field", contains("lines[0].amountUsd"));
        rejected(TestTokens.finance(), "2030-2031", PLAN_2024_2025.replace("\"REGULAR_BUDGET\"", "\"CORE\""), 400)
                .body("errors.field", contains("lines[0].budgetLine"));
        rejected(TestTokens.finance(), "2030-2031",
                PLAN_2024_2025.replace("\"reason\": \"Strategic plan 2024-2025 resource requirement\"", "\"reason\": \"\""), 400)
                .body("errors.field", contains("reason"));
        rejected(TestTokens.finance(), "2030-2031", PLAN_2024_2025.replace("{\"lines\"", "{\"startYear\": 2030, \"lines\""), 400)
                .body("errors.field", contains("startYear"));
    }

    @Test
    void aPartnerIsForbiddenAndAnAnonymousCallerUnauthorizedToDefineAPlan() {
        rejected(TestTokens.partner("SWE"), "2030-2031", PLAN_2024_2025, 403);
        Rows.Snapshot before = Rows.snapshot();
        given().contentType(ContentType.JSON).body(PLAN_2024_2025).when().put("/api/v1/plans/2030-2031")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, Rows.snapshot());
    }

    private static ValidatableResponse define(String token, String planId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/api/v1/plans/" + planId).then();
    }

    private static ValidatableResponse rejected(String token, String planId, String body, int status) {
        Rows.Snapshot before = Rows.snapshot();
        ValidatableResponse response = define(token, planId, body)
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        assertEquals(before, Rows.snapshot(), "a rejected plan writes nothing");
        return response;
    }
}
