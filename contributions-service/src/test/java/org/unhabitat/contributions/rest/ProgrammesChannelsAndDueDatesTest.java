package org.unhabitat.contributions.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pledge may say what it is for (a programme), how it came (a channel), in what form (a modality) and when each year is due. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ProgrammesChannelsAndDueDatesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void referenceData() {
        Given.feasibilityFundKnown(bootstrapServers);
        Given.contributor("OPEN-CITIES-FOUNDATION", "Open Cities Foundation", "FOUNDATION");
        Given.contributor("ARAB-APPEAL-DONORS", "Online donors", "INDIVIDUAL");
    }

    @Test
    void aFoundationsPledgeToTheFeasibilityFundKeepsItsProgrammeModalityAndDueDatesToTheCent() {
        post("""
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"1250000.50","pledgedOn":"2022-01-20","reference":"OCF-FUND-1",
                 "programme":"UIF-FEASIBILITY-FUND","modality":"BLENDED",
                 "schedule":[{"year":2022,"amount":"1000000.50","dueOn":"2022-03-31"},{"year":2023,"amount":"250000"}]}""")
                .statusCode(201)
                .body("programme", equalTo("UIF-FEASIBILITY-FUND"))
                .body("channel", equalTo("DIRECT"))
                .body("modality", equalTo("BLENDED"))
                .body("usdAmount", equalTo("1250000.50"))
                .body("schedule.year", contains(2022, 2023))
                .body("schedule.usdAmount", contains("1000000.50", "250000.00"))
                .body("schedule.dueOn", contains("2022-03-31", "2023-12-31"));
    }

    @Test
    void withoutThemAPledgeIsADirectGrantWithNoProgrammeDueAtTheEndOfItsYear() {
        post("""
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                 "region":"AFRICA","currency":"USD","amount":"300000","pledgedOn":"2021-04-01","reference":"OCF-PLAIN-1"}""")
                .statusCode(201)
                .body("programme", nullValue())
                .body("channel", equalTo("DIRECT"))
                .body("modality", equalTo("GRANT"))
                .body("schedule.dueOn", contains("2021-12-31"));
    }

    @Test
    void individualGiftsThroughOnlineGivingAreRecordedAsSuch() {
        post("""
                {"contributorCode":"ARAB-APPEAL-DONORS","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"ARAB_STATES","currency":"USD","amount":"125.40","pledgedOn":"2021-06-15","reference":"GIFT-1",
                 "channel":"ONLINE_GIVING"}""")
                .statusCode(201)
                .body("channel", equalTo("ONLINE_GIVING"))
                .body("usdAmount", equalTo("125.40"));
    }

    @Test
    void anUnknownProgrammeIs422AndSaysThatANewOneMayNotBeKnownYet() {
        long before = Ledger.rows(dataSource);
        post("""
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"1000","pledgedOn":"2022-01-20","programme":"DEFINED-MOMENTS-AGO"}""")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://open.unhabitat.org/problems/unknown-programme"))
                .body("programme", equalTo("DEFINED-MOMENTS-AGO"))
                .body("detail", containsString("No programme DEFINED-MOMENTS-AGO is known here"))
                .body("detail", containsString("a programme defined moments ago may not be known yet"));
        assertEquals(before, Ledger.rows(dataSource), "nothing written");
    }

    @Test
    void aPledgeToAProgrammeMustBeInTheProgrammesBudgetLine() {
        post("""
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"1000","pledgedOn":"2022-01-20","programme":"UIF-FEASIBILITY-FUND"}""")
                .statusCode(422)
                .body("detail", equalTo("Programme UIF-FEASIBILITY-FUND (Urban Investment Facility: feasibility fund) counts towards "
                        + "FOUNDATION_EARMARKED; a pledge to it must be in that budget line, not TECHNICAL_COOPERATION"));
    }

    @Test
    void unknownChannelsAndModalitiesDueDatesOutsideTheirYearAndYearsBeyondTheCalendarAreBadRequests() {
        long before = Ledger.rows(dataSource);
        post(plain().replace("}", ",\"channel\":\"CARRIER_PIGEON\"}")).statusCode(400);
        post(plain().replace("}", ",\"modality\":\"GIFT_CARD\"}")).statusCode(400);
        post(plain().replace("}", ",\"schedule\":[{\"year\":2021,\"amount\":\"1000\",\"dueOn\":\"2022-01-15\"}]}"))
                .statusCode(400)
                .body("errors.field", contains("schedule[0].dueOn"))
                .body("errors.message", contains("must fall in its year 2021"));
        post(plain().replace("}", ",\"programme\":\"" + "X".repeat(41) + "\"}")).statusCode(400)
                .body("errors.field", contains("programme"));
        post(plain().replace("}", ",\"schedule\":[{\"year\":2147483647,\"amount\":\"1000\"}]}"))
                .statusCode(400)
                .body("errors.field", contains("schedule[0].year"));
        assertEquals(before, Ledger.rows(dataSource), "nothing written");
    }

    @Test
    void aCorrectionMayMoveADueDateAndTheVersionsKeepBoth() {
        String id = post("""
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"500000","pledgedOn":"2021-03-01","reference":"OCF-DUE-1",
                 "schedule":[{"year":2021,"amount":"500000","dueOn":"2021-06-30"}]}""").statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"500000","schedule":[{"year":2021,"amount":"500000","dueOn":"2021-09-30"}],"reason":"Instalment deferred"}""")
                .when().post("/api/v1/pledges/" + id + "/corrections").then().statusCode(200)
                .body("schedule.dueOn", contains("2021-09-30"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + id + "/versions").then().statusCode(200)
                .body("schedule.dueOn", contains(contains("2021-06-30"), contains("2021-09-30")));
    }

    private static String plain() {
        return """
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED","region":"AFRICA","currency":"USD","amount":"1000","pledgedOn":"2021-04-01"}""";
    }

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pledges").then();
    }
}
