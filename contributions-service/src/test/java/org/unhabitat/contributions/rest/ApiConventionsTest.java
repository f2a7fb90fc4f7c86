package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ApiConventionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[]",
            "{\"contributorCode\":\"SWE\"",
            "{\"contributorCode\":\"SWE\",\"budgetLine\":\"REGULAR_BUDGET\",\"earmarking\":\"EARMARKED\",\"region\":\"GLOBAL\",\"currency\":\"SEK\",\"amount\":\"seven\",\"pledgedOn\":\"2021-09-15\"}",
            "{\"contributorCode\":\"SWE\",\"budgetLine\":\"REGULAR_BUDGET\",\"earmarking\":\"EARMARKED\",\"region\":\"GLOBAL\",\"currency\":\"SEK\",\"amount\":\"7\",\"pledgedOn\":\"2021-13-45\"}",
            "{\"contributorCode\":\"SWE\",\"budgetLine\":\"REGULAR_BUDGET\",\"earmarking\":\"EARMARKED\",\"region\":\"GLOBAL\",\"currency\":\"SEK\",\"amount\":\"7\",\"pledgedOn\":\"2021-09-15\",\"schedule\":[null]}",
            "{\"contributorCode\":\"SWE\",\"budgetLine\":\"REGULAR_BUDGET\",\"earmarking\":\"EARMARKED\",\"region\":\"GLOBAL\",\"currency\":\"SEK\",\"amount\":\"7\",\"pledgedOn\":\"2021-09-15\",\"schedule\":[{\"year\":2021}]}",
            "{\"contributorCode\":\"SWE\",\"budgetLine\":\"REGULAR_BUDGET\",\"earmarking\":\"EARMARKED\",\"region\":\"GLOBAL\",\"currency\":\"SEK\",\"amount\":\"7\",\"pledgedOn\":\"2021-09-15\",\"schedule\":[]}"})
    void aMalformedPledgeIsABadRequestProblemThatRevealsNoInternals(String body) {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pledges")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(not(containsString("org.unhabitat")))
                .body(not(containsString("Exception")))
                .body(not(containsString("SQL")));
    }

    @Test
    void aPartnerTokenWithoutAContributorSeesNothing() {
        given().auth().oauth2(TestTokens.partner(null)).when().get("/api/v1/pledges")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theOpenApiDocumentDescribesThePledgeEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/pledges'.post.summary", equalTo("Record a pledge"))
                .body("paths.'/api/v1/pledges/{id}/corrections'.post.summary", equalTo("Correct a pledge's amount and schedule"));
    }
}
