package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * OWASP API3: requests bind to request records, never to entities, so a partner cannot set what the
 * service computes or decides (status, USD amounts, rates, ids, authorship) nor pledge for another.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class MassAssignmentTest {

    private static final String PLEDGE_FIELDS = """
            "contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
            "region":"GLOBAL","currency":"SEK","amount":"1000","pledgedOn":"2021-09-15\"""";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void swedenAndItsRateExist() {
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        Given.contributor("FIN", "Finland", "MEMBER_STATE");
        Given.rate("SEK", "2021-09", "8.75");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"status\":\"PAID\"", "\"usdAmount\":\"1000000.00\"", "\"fxRate\":\"0.0001\"",
            "\"id\":\"00000000-0000-4000-8000-000000000001\"", "\"recordedBy\":\"finance-user\"", "\"paidUsd\":\"1000.00\"",
            "\"outstanding\":\"0\"", "\"version\":7", "\"cancellation\":null", "\"contributor\":{\"code\":\"FIN\"}",
            "\"payments\":[{\"amount\":\"1000\"}]", "\"schedule\":[{\"year\":2021,\"amount\":\"1000\",\"usdAmount\":\"99999\"}]"})
    void aPartnerCannotSetWhatTheServiceDecides(String extra) {
        long before = Ledger.rows(dataSource);
        Response response = given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON)
                .body("{" + PLEDGE_FIELDS + "," + extra + "}").when().post("/api/v1/pledges");
        assertProblem(response, 400);
        assertEquals(before, Ledger.rows(dataSource));
    }

    @Test
    void aPartnerCannotPledgeForAnotherContributor() {
        long before = Ledger.rows(dataSource);
        assertProblem(given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON)
                .body("{" + PLEDGE_FIELDS.replace("\"SWE\"", "\"FIN\"") + "}").when().post("/api/v1/pledges"), 404);
        assertEquals(before, Ledger.rows(dataSource));
    }

    @Test
    void aPartnerCannotSetRatesRegisterContributorsOrRecordPayments() {
        long before = Ledger.rows(dataSource);
        String partner = TestTokens.partner("SWE");
        assertProblem(given().auth().oauth2(partner).contentType(ContentType.JSON).body("{\"unitsPerUsd\":\"0.01\"}")
                .when().put("/api/v1/exchange-rates/SEK/2021-09"), 403);
        assertProblem(given().auth().oauth2(partner).contentType(ContentType.JSON).body("{\"name\":\"Sweden!\",\"type\":\"MEMBER_STATE\"}")
                .when().put("/api/v1/contributors/SWE"), 403);
        assertProblem(given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body("{\"amount\":\"1000\",\"currency\":\"SEK\",\"receivedOn\":\"2021-09-20\"}")
                .when().post("/api/v1/pledges/00000000-0000-4000-8000-000000000001/payments"), 403);
        assertEquals(before, Ledger.rows(dataSource));
    }

    @Test
    void whatAPartnerMaySetIsAcceptedAndWhatItMayNotIsComputed() {
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON)
                .body("{" + PLEDGE_FIELDS + ",\"reference\":\"MASS-ASSIGNMENT-CONTROL\"}").when().post("/api/v1/pledges")
                .then().statusCode(201)
                .body("status", equalTo("PLEDGED"))
                .body("fxRate", equalTo("8.75"))
                .body("usdAmount", equalTo("114.29"));
    }
}
