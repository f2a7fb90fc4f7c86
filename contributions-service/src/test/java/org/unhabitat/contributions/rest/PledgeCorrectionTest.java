package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PledgeCorrectionTest {

    @BeforeEach
    void referenceData() {
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
    }

    @Test
    void aCorrectionIsANewVersionAndTheOldOneStaysReadable() {
        String pledge = sidaAgreement("SIDA-CORRECTED");

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"21000000","schedule":[{"year":2022,"amount":"10400000"},{"year":2023,"amount":"10600000"}],
                         "reason":"Agreement amended: top-up for 2023"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections")
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("amount", equalTo("21000000.00"))
                .body("usdAmount", equalTo("21000000.00"))
                .body("schedule.amount", contains("10400000.00", "10600000.00"));

        given().auth().oauth2(TestTokens.partner("SWE")).when().get("/api/v1/pledges/" + pledge + "/versions")
                .then().statusCode(200)
                .body("version", contains(1, 2))
                .body("amount", contains("20800000.00", "21000000.00"))
                .body("[0].reason", nullValue())
                .body("[1].reason", equalTo("Agreement amended: top-up for 2023"))
                .body("[0].schedule.amount", contains("10400000.00", "10400000.00"));
    }

    @Test
    void aCorrectionNeedsAReasonAndAScheduleThatAddsUp() {
        String pledge = sidaAgreement("SIDA-BAD-CORRECTION");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"21000000","schedule":[{"year":2022,"amount":"10400000"}],"reason":" "}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"21000000","schedule":[{"year":2022,"amount":"10400000"}],"reason":"Typo"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections")
                .then().statusCode(400).body("errors.field", contains("schedule"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge)
                .then().body("version", equalTo(1));
    }

    @Test
    void aYearCannotBeCorrectedBelowWhatIsAlreadyPaidTowardsIt() {
        String pledge = sidaAgreement("SIDA-PAID-2022");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"10400000","currency":"USD","receivedOn":"2022-02-01","forYear":2022}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments").then().statusCode(201);

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"20000000","schedule":[{"year":2022,"amount":"10000000"},{"year":2023,"amount":"10000000"}],
                         "reason":"Reduced"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections")
                .then().statusCode(422)
                .body("detail", equalTo("10400000.00 USD is already paid towards 2022; the corrected schedule must keep at least that for the year"));

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"10400000","schedule":[{"year":2022,"amount":"10400000"}],"reason":"2023 tranche dropped"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections")
                .then().statusCode(200).body("status", equalTo("PAID")).body("multiYear", equalTo(false));
    }

    @Test
    void onlyFinanceCorrects() {
        String pledge = sidaAgreement("SIDA-PARTNER-CORRECTS");
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON)
                .body("""
                        {"amount":"1","reason":"Mine"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections")
                .then().statusCode(403);
    }

    private static String sidaAgreement(String reference) {
        return Given.pledge("""
                {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"20800000","pledgedOn":"2021-12-15",
                 "schedule":[{"year":2022,"amount":"10400000"},{"year":2023,"amount":"10400000"}],"reference":"%s"}"""
                .formatted(reference));
    }
}
