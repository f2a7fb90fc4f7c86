package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PledgeResourceTest {

    @BeforeEach
    void referenceData() {
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        Given.contributor("TUR", "Türkiye", "MEMBER_STATE");
        Given.contributor("DEU", "Germany", "MEMBER_STATE");
        Given.contributor("JPN", "Japan", "MEMBER_STATE");
        Given.contributor("KUWAIT-FUND", "Kuwait Fund for Arab Economic Development", "DEVELOPMENT_BANK");
        Given.contributor("VALIDATION-TEST", "A contributor only the validation tests use", "OTHER");
        Given.rate("SEK", "2021-09", "8.75");
        Given.rate("JPY", "2021-04", "109.5");
        Given.rate("KWD", "2021-06", "0.301");
    }

    @Test
    void swedensSevenMillionKronorAreEightHundredThousandDollarsAtTheSeptemberRate() {
        String location = given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                         "region":"GLOBAL","currency":"SEK","amount":"7000000","pledgedOn":"2021-09-20",
                         "reference":"SE-2021-ADDITIONAL"}""")
                .when().post("/api/v1/pledges")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/pledges/"))
                .body("amount", equalTo("7000000.00"))
                .body("fxRate", equalTo("8.75"))
                .body("usdAmount", equalTo("800000.00"))
                .body("status", equalTo("PLEDGED"))
                .body("version", equalTo(1))
                .body("multiYear", equalTo(false))
                .body("schedule.year", contains(2021))
                .body("schedule.usdAmount", contains("800000.00"))
                .body("paidUsd", equalTo("0.00"))
                .body("outstandingUsd", equalTo("800000.00"))
                .body("payments", hasSize(0))
                .extract().header("Location");

        given().auth().oauth2(TestTokens.partner("SWE")).when().get(location)
                .then().statusCode(200).body("usdAmount", equalTo("800000.00")).body("reference", equalTo("SE-2021-ADDITIONAL"));
    }

    @Test
    void turkiyesOneOffPledgeOfFiveMillionDollarsNeedsNoRate() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"TUR","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED",
                         "region":"GLOBAL","currency":"USD","amount":"5000000","pledgedOn":"2021-07-01","reference":"TR-ONE-OFF"}""")
                .when().post("/api/v1/pledges")
                .then().statusCode(201)
                .body("amount", equalTo("5000000.00"))
                .body("fxRate", equalTo("1"))
                .body("usdAmount", equalTo("5000000.00"));
    }

    @Test
    void theSidaAgreementForTwentyTwoAndTwentyThreeIsOneMultiYearPledge() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                         "region":"GLOBAL","currency":"USD","amount":"20800000","pledgedOn":"2021-12-15",
                         "schedule":[{"year":2023,"amount":"10400000"},{"year":2022,"amount":"10400000"}],
                         "reference":"SIDA-2022-2023"}""")
                .when().post("/api/v1/pledges")
                .then().statusCode(201)
                .body("multiYear", equalTo(true))
                .body("usdAmount", equalTo("20800000.00"))
                .body("schedule.year", contains(2022, 2023))
                .body("schedule.usdAmount", contains("10400000.00", "10400000.00"));
    }

    @Test
    void germanysSoftlyEarmarkedContributionKeepsItsEarmarkingAndRegion() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"DEU","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                         "region":"LATIN_AMERICA_CARIBBEAN","currency":"USD","amount":"600000.00","pledgedOn":"2021-05-10"}""")
                .when().post("/api/v1/pledges")
                .then().statusCode(201)
                .body("earmarking", equalTo("SOFTLY_EARMARKED"))
                .body("region", equalTo("LATIN_AMERICA_CARIBBEAN"))
                .body("reference", nullValue())
                .body("usdAmount", equalTo("600000.00"));
    }

    @Test
    void amountsKeepTheirCurrencysMinorUnitsYenWithoutDecimalsAndDinarsWithThree() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"JPN","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                         "region":"ASIA_PACIFIC","currency":"JPY","amount":"500000","pledgedOn":"2021-04-02"}""")
                .when().post("/api/v1/pledges")
                .then().statusCode(201)
                .body("amount", equalTo("500000"))
                .body("fxRate", equalTo("109.5"))
                .body("usdAmount", equalTo("4566.21"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"KUWAIT-FUND","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                         "region":"ARAB_STATES","currency":"KWD","amount":"1.5","pledgedOn":"2021-06-30"}""")
                .when().post("/api/v1/pledges")
                .then().statusCode(201)
                .body("amount", equalTo("1.500"))
                .body("usdAmount", equalTo("4.98"));
    }

    @Test
    void invalidAmountsAreRejectedFieldByFieldAndNothingIsWritten() {
        assertRejected("\"amount\":\"0\"", "amount", "must be greater than zero");
        assertRejected("\"amount\":\"-5\"", "amount", "must be greater than zero");
        assertRejected("\"amount\":\"100.005\"", "amount", "has more decimals than SEK allows (2)");
        assertRejected("\"amount\":\"100\",\"schedule\":[{\"year\":2021,\"amount\":\"60\"},{\"year\":2022,\"amount\":\"30\"}]",
                "schedule", "adds up to 90, not to the amount 100");
        assertRejected("\"amount\":\"100\",\"schedule\":[{\"year\":2032,\"amount\":\"100\"}]",
                "schedule[0].year", "must be within ten years of pledgedOn");
        assertRejected("\"amount\":\"100\",\"currency\":\"XYZ\"", "currency", "is not an ISO 4217 currency code");
        assertRejected("\"amount\":\"100\",\"pledgedOn\":\"2999-01-01\"", "pledgedOn", "must not be in the future");
        assertNothingWasWrittenForTheValidationContributor();
    }

    @Test
    void anUnknownCodeOrPropertyIsABadRequestNeverAServerError() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(validationPledge("\"amount\":\"100\",\"budgetLine\":\"SPACE_PROGRAMME\""))
                .when().post("/api/v1/pledges")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("budgetLine"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(validationPledge("\"amount\":\"100\",\"discount\":\"5\""))
                .when().post("/api/v1/pledges")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("discount"));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(validationPledge("\"amount\":\"100\"").replace("VALIDATION-TEST", "NOBODY"))
                .when().post("/api/v1/pledges")
                .then().statusCode(400).body("errors.field", hasItem("contributorCode"));
        assertNothingWasWrittenForTheValidationContributor();
    }

    @Test
    void anOversizedBodyIsRefusedWithPayloadTooLarge() {
        String padding = "x".repeat(70 * 1024);
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(validationPledge("\"amount\":\"100\",\"reference\":\"" + padding + "\""))
                .when().post("/api/v1/pledges")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertNothingWasWrittenForTheValidationContributor();
    }

    @Test
    void aMonthWithoutAnOperationalRateCannotBeConverted() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(validationPledge("\"amount\":\"100\",\"pledgedOn\":\"2019-02-11\""))
                .when().post("/api/v1/pledges")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("No operational rate of exchange for SEK in 2019-02; finance must set it first"));
        assertNothingWasWrittenForTheValidationContributor();
    }

    @Test
    void aPartnerPledgesOnlyForItselfAndAnyOtherCodeLooksUnknown() {
        given().auth().oauth2(TestTokens.partner("TUR")).contentType(ContentType.JSON)
                .body(validationPledge("\"amount\":\"100\"").replace("VALIDATION-TEST", "SWE"))
                .when().post("/api/v1/pledges")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/pledges").then().statusCode(401);
    }

    @Test
    void aPartnerCannotTellAnotherContributorsPledgeFromNoPledge() {
        String swedish = Given.swedenSek7Million("SE-SCOPE-1");
        given().auth().oauth2(TestTokens.partner("TUR")).when().get("/api/v1/pledges/" + swedish)
                .then().statusCode(404).body("detail", equalTo("No pledge " + swedish));
        given().auth().oauth2(TestTokens.partner("TUR")).when().get("/api/v1/pledges/" + swedish + "/versions")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.partner("TUR")).when().get("/api/v1/pledges?contributor=SWE")
                .then().statusCode(200).body("items", hasSize(0)).body("next", nullValue());
        given().auth().oauth2(TestTokens.partner("SWE")).when().get("/api/v1/pledges/" + swedish)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON).body("{\"reason\":\"Changed our mind\"}")
                .when().post("/api/v1/pledges/" + swedish + "/cancellation")
                .then().statusCode(403);
    }

    @Test
    void pagesFollowTheRecordingOrderAndDoNotShiftWhilePledgesArrive() {
        Given.contributor("PAGING-TEST", "A contributor only the paging test uses", "FOUNDATION");
        List<String> first = List.of(pagingPledge("P1"), pagingPledge("P2"), pagingPledge("P3"));

        var page1 = given().auth().oauth2(TestTokens.finance())
                .when().get("/api/v1/pledges?contributor=PAGING-TEST&limit=2")
                .then().statusCode(200).body("items.id", contains(first.get(0), first.get(1)))
                .body("next", not(nullValue())).extract();
        String late = pagingPledge("P4");
        given().auth().oauth2(TestTokens.finance())
                .when().get("/api/v1/pledges?contributor=PAGING-TEST&limit=2&cursor=" + page1.path("next"))
                .then().statusCode(200).body("items.id", contains(first.get(2), late)).body("next", nullValue());
    }

    @Test
    void listingFiltersByBudgetLineYearAndStatus() {
        Given.contributor("FILTER-TEST", "A contributor only the filter test uses", "LOCAL_GOVERNMENT");
        String multiYear = Given.pledge("""
                {"contributorCode":"FILTER-TEST","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                 "region":"AFRICA","currency":"USD","amount":"300","pledgedOn":"2021-03-01",
                 "schedule":[{"year":2021,"amount":"100"},{"year":2022,"amount":"200"}]}""");
        String core = Given.pledge("""
                {"contributorCode":"FILTER-TEST","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"50","pledgedOn":"2021-03-02"}""");

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?contributor=FILTER-TEST&year=2022")
                .then().statusCode(200).body("items.id", contains(multiYear));
        given().auth().oauth2(TestTokens.finance())
                .when().get("/api/v1/pledges?contributor=FILTER-TEST&budgetLine=FOUNDATION_NON_EARMARKED&status=PLEDGED")
                .then().statusCode(200).body("items.id", contains(core));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?status=LOST&limit=501&cursor=nonsense")
                .then().statusCode(400).body("errors.field", contains("limit", "cursor", "status"));
    }

    private static String pagingPledge(String reference) {
        return Given.pledge("""
                {"contributorCode":"PAGING-TEST","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"EUROPE","currency":"USD","amount":"10","pledgedOn":"2021-01-05","reference":"%s"}""".formatted(reference));
    }

    /** A pledge for the validation contributor; {@code fields} adds to or replaces the valid defaults. */
    private static String validationPledge(String fields) {
        StringBuilder json = new StringBuilder("{\"contributorCode\":\"VALIDATION-TEST\",");
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("budgetLine", "FOUNDATION_EARMARKED");
        defaults.put("earmarking", "EARMARKED");
        defaults.put("region", "GLOBAL");
        defaults.put("currency", "SEK");
        defaults.put("pledgedOn", "2021-09-15");
        defaults.forEach((name, value) -> {
            if (!fields.contains("\"" + name + "\"")) {
                json.append('"').append(name).append("\":\"").append(value).append("\",");
            }
        });
        return json.append(fields).append('}').toString();
    }

    private static void assertRejected(String fields, String field, String message) {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(validationPledge(fields))
                .when().post("/api/v1/pledges")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", endsWith("/validation"))
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }

    private static void assertNothingWasWrittenForTheValidationContributor() {
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?contributor=VALIDATION-TEST")
                .then().statusCode(200).body("items", hasSize(0));
    }
}
