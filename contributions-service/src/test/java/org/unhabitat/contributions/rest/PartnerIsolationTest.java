package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.unhabitat.testing.security.Problems.assertProblem;

/** OWASP API1: a partner reaches only its own pledges and payments, whatever id it tries. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PartnerIsolationTest {

    private String norwayPledge;
    private String norwayPayment;

    @BeforeEach
    void norwayHasAPaidPledge() {
        Given.contributor("NOR", "Norway", "MEMBER_STATE");
        Given.contributor("DNK", "Denmark", "MEMBER_STATE");
        Given.rate("NOK", "2021-05", "8.5");
        norwayPledge = Given.pledge("""
                {"contributorCode":"NOR","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED",
                 "region":"GLOBAL","currency":"NOK","amount":"850000","pledgedOn":"2021-05-10"}""");
        norwayPayment = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("amount", "85000", "currency", "NOK", "receivedOn", "2021-05-20"))
                .when().post("/api/v1/pledges/{id}/payments", norwayPledge)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theOwningPartnerSeesItsPledgeItsPaymentAndItsList() {
        String norway = TestTokens.partner("NOR");
        given().auth().oauth2(norway).when().get("/api/v1/pledges/{id}", norwayPledge).then().statusCode(200);
        given().auth().oauth2(norway).when().get("/api/v1/pledges/{id}/payments/{payment}", norwayPledge, norwayPayment)
                .then().statusCode(200);
        given().auth().oauth2(norway).when().get("/api/v1/pledges?limit=500").then().statusCode(200)
                .body("items.id", hasItem(norwayPledge)).body("items.contributorCode", everyItem(equalTo("NOR")));
    }

    @Test
    void anotherPartnerGetsNotFoundForEveryRouteToThatPledge() {
        String denmark = TestTokens.partner("DNK");
        for (String path : List.of("/api/v1/pledges/" + norwayPledge, "/api/v1/pledges/" + norwayPledge + "/versions",
                "/api/v1/pledges/" + norwayPledge + "/payments/" + norwayPayment, "/api/v1/contributors/NOR")) {
            assertProblem(given().auth().oauth2(denmark).when().get(path), 404);
        }
    }

    @Test
    void anotherPartnersListShowsNoneOfThePledgesEvenWhenItAsksForThem() {
        String denmark = TestTokens.partner("DNK");
        given().auth().oauth2(denmark).when().get("/api/v1/pledges?limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(norwayPledge))).body("items.contributorCode", everyItem(equalTo("DNK")));
        given().auth().oauth2(denmark).when().get("/api/v1/pledges?contributor=NOR&limit=500").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void anotherPartnerCannotPayCorrectCancelOrReadTheAuditTrailOfThatPledge() {
        String denmark = TestTokens.partner("DNK");
        assertProblem(given().auth().oauth2(denmark).contentType(ContentType.JSON)
                .body(Map.of("amount", "1", "currency", "NOK", "receivedOn", "2021-05-21"))
                .when().post("/api/v1/pledges/{id}/payments", norwayPledge), 403);
        assertProblem(given().auth().oauth2(denmark).contentType(ContentType.JSON).body(Map.of("reason", "mine now"))
                .when().post("/api/v1/pledges/{id}/cancellation", norwayPledge), 403);
        assertProblem(given().auth().oauth2(denmark).when().get("/api/v1/pledges/{id}/audit", norwayPledge), 403);
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}", norwayPledge)
                .then().statusCode(200).body("status", equalTo("PARTIALLY_PAID"));
    }
}
