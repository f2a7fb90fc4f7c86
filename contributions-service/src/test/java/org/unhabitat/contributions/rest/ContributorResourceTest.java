package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ContributorResourceTest {

    @ParameterizedTest
    @CsvSource({
            "EUROPEAN-COMMISSION, European Commission, INTERGOVERNMENTAL",
            "UN-ENTITIES, UN entities, UN_ENTITY",
            "GREEN-CLIMATE-FUND, Green Climate Fund, MULTILATERAL_FUND",
            "KFW, KfW Development Bank, DEVELOPMENT_BANK",
            "KUWAIT-FUND-AED, Kuwait Fund for Arab Economic Development, DEVELOPMENT_BANK",
            "FEASIBILITY-DONOR-1, A philanthropic platform, FOUNDATION",
            "CITY-OF-NAIROBI, Nairobi City County, LOCAL_GOVERNMENT",
            "ONLINE-DONOR-000001, An individual giving online, INDIVIDUAL",
            "UN-HABITAT-NATCOM-ES, Spanish national committee, NATIONAL_COMMITTEE",
            "SDG-FUND, Joint SDG Fund, POOLED_FUND"})
    void contributorsThatAreNotMemberStatesAreRegisteredUnderTheirSlug(String code, String name, String type) {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}")
                .when().put("/api/v1/contributors/" + code)
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/contributors/" + code))
                .body("code", equalTo(code))
                .body("type", equalTo(type))
                .body("country", nullValue());
    }

    @Test
    void aMemberStateIsItsOwnCountryAndCanBeRenamed() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Turkey\",\"type\":\"MEMBER_STATE\"}")
                .when().put("/api/v1/contributors/TUR")
                .then().statusCode(anyOf201Or200())
                .body("country", equalTo("TUR"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Türkiye\",\"type\":\"MEMBER_STATE\",\"country\":\"TUR\"}")
                .when().put("/api/v1/contributors/TUR")
                .then().statusCode(200).body("name", equalTo("Türkiye"));
    }

    @Test
    void aContributorMayCarryItsIatiOrganisationIdentifier() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Kreditanstalt für Wiederaufbau\",\"type\":\"DEVELOPMENT_BANK\",\"iatiOrgRef\":\"DE-1-KFW-TEST\"}")
                .when().put("/api/v1/contributors/KFW-IATI-TEST")
                .then().statusCode(201).body("iatiOrgRef", equalTo("DE-1-KFW-TEST"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/contributors/KFW-IATI-TEST")
                .then().statusCode(200).body("iatiOrgRef", equalTo("DE-1-KFW-TEST"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Kreditanstalt für Wiederaufbau\",\"type\":\"DEVELOPMENT_BANK\"}")
                .when().put("/api/v1/contributors/KFW-IATI-TEST")
                .then().statusCode(200).body("iatiOrgRef", nullValue());
    }

    @Test
    void anIatiOrganisationIdentifierWithoutItsAgencyPrefixIsABadRequest() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Somebody\",\"type\":\"OTHER\",\"iatiOrgRef\":\"41120\"}")
                .when().put("/api/v1/contributors/IATI-BAD-REF")
                .then().statusCode(400).body("errors.field", contains("iatiOrgRef"));
    }

    @Test
    void aMemberStateMustUseItsIsoAlpha3Code() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Sweden\",\"type\":\"MEMBER_STATE\"}")
                .when().put("/api/v1/contributors/SWEDEN")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("code"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Sweden\",\"type\":\"MEMBER_STATE\",\"country\":\"NOR\"}")
                .when().put("/api/v1/contributors/SWE")
                .then().statusCode(400).body("errors.field", contains("country"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Barcelona\",\"type\":\"LOCAL_GOVERNMENT\",\"country\":\"XX\"}")
                .when().put("/api/v1/contributors/BARCELONA")
                .then().statusCode(400).body("errors.field", contains("country"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Mars\",\"type\":\"PLANET\"}")
                .when().put("/api/v1/contributors/MARS")
                .then().statusCode(400).body("errors.field", contains("type"));
    }

    @Test
    void aPartnerReadsOnlyItselfAndCannotRegisterAnyone() {
        Given.contributor("NAM", "Namibia", "MEMBER_STATE");
        Given.contributor("MUS", "Mauritius", "MEMBER_STATE");
        given().auth().oauth2(TestTokens.partner("NAM")).when().get("/api/v1/contributors/NAM")
                .then().statusCode(200).body("name", equalTo("Namibia"));
        given().auth().oauth2(TestTokens.partner("NAM")).when().get("/api/v1/contributors/MUS")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.partner("NAM")).when().get("/api/v1/contributors/NOBODY")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.partner("NAM")).contentType(ContentType.JSON)
                .body("{\"name\":\"Namibia\",\"type\":\"MEMBER_STATE\"}")
                .when().put("/api/v1/contributors/NAM")
                .then().statusCode(403);
        given().when().get("/api/v1/contributors/NAM").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/contributors/MUS").then().statusCode(200);
    }

    private static org.hamcrest.Matcher<Integer> anyOf201Or200() {
        return org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200));
    }
}
