package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.unhabitat.targets.Rows;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Programmes and their targets through HTTP. Each test uses programme codes of its own. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ProgrammeResourceTest {

    private static final String APPEAL = """
            {"name":"Arab region humanitarian appeal","kind":"APPEAL","budgetLine":"FOUNDATION_EARMARKED",
             "region":"ARAB_STATES","startYear":2021}""";

    @Test
    void aFirstDefinitionIsCreatedWith201AndALocationAndReadsBackExactly() {
        define("ARAB-APPEAL-2021", APPEAL).statusCode(201)
                .header("Location", endsWith("/api/v1/programmes/ARAB-APPEAL-2021"))
                .body("code", equalTo("ARAB-APPEAL-2021"))
                .body("name", equalTo("Arab region humanitarian appeal"))
                .body("kind", equalTo("APPEAL"))
                .body("budgetLine", equalTo("FOUNDATION_EARMARKED"))
                .body("region", equalTo("ARAB_STATES"))
                .body("startYear", equalTo(2021))
                .body("endYear", nullValue())
                .body("definedBy", equalTo("finance-user"));

        given().when().get("/api/v1/programmes/ARAB-APPEAL-2021").then().statusCode(200)
                .body("kind", equalTo("APPEAL"))
                .body("region", equalTo("ARAB_STATES"))
                .body("endYear", nullValue());
        given().when().get("/api/v1/programmes").then().statusCode(200)
                .body("code", hasItems("ARAB-APPEAL-2021"));
    }

    @Test
    void theListIsAPlainArrayOrderedByCode() {
        define("ZZ-WINDOW-B", window("Window B")).statusCode(201);
        define("ZZ-WINDOW-A", window("Window A")).statusCode(201);
        List<String> codes = given().when().get("/api/v1/programmes").then().statusCode(200).extract().path("code");
        assertEquals(codes.stream().sorted().toList(), codes);
        assertTrue(codes.indexOf("ZZ-WINDOW-A") < codes.indexOf("ZZ-WINDOW-B"));
    }

    @Test
    void aChangedDefinitionIs200AndAnUnchangedOneWritesNothing() {
        define("PLEDGING-EVENT-2022", """
                {"name":"Pledging event 2022","kind":"PLEDGING_EVENT","budgetLine":"FOUNDATION_NON_EARMARKED","startYear":2022,"endYear":2022}""")
                .statusCode(201);
        define("PLEDGING-EVENT-2022", """
                {"name":"Pledging event, Nairobi 2022","kind":"PLEDGING_EVENT","budgetLine":"FOUNDATION_NON_EARMARKED","startYear":2022,"endYear":2022}""")
                .statusCode(200).body("name", equalTo("Pledging event, Nairobi 2022"));
        Rows.Snapshot before = Rows.snapshot();

        define("PLEDGING-EVENT-2022", """
                {"name":"  Pledging event, Nairobi 2022 ","kind":"PLEDGING_EVENT","budgetLine":"FOUNDATION_NON_EARMARKED","startYear":2022,"endYear":2022}""")
                .statusCode(200).body("name", equalTo("Pledging event, Nairobi 2022"));

        assertEquals(before, Rows.snapshot(), "no change, no event");
        assertEquals(2, Rows.outboxEventsFor("PLEDGING-EVENT-2022"), "one event per real change");
    }

    @Test
    void anUnknownProgrammeIsNotFound() {
        given().when().get("/api/v1/programmes/NO-SUCH-PROGRAMME").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No programme NO-SUCH-PROGRAMME"));
        given().when().get("/api/v1/programmes/NO-SUCH-PROGRAMME/targets/2022/history").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"1.00\",\"reason\":\"x\"}")
                .when().put("/api/v1/programmes/NO-SUCH-PROGRAMME/targets/2022").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No programme NO-SUCH-PROGRAMME"));
    }

    @Test
    void badDefinitionsAreRefusedFieldByFieldAndWriteNothing() {
        Rows.Snapshot before = Rows.snapshot();
        define("lower-case", window("x")).statusCode(400).body("errors.field", contains("code"));
        define("X", window("x")).statusCode(400).body("errors.field", contains("code"));
        define("ENDS-BEFORE-IT-STARTS", """
                {"name":"x","kind":"PROJECT","budgetLine":"TECHNICAL_COOPERATION","startYear":2023,"endYear":2021}""")
                .statusCode(400).body("errors.field", contains("endYear"));
        define("MISSING-FIELDS", "{\"name\":\" \"}").statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "kind", "budgetLine", "startYear"));
        define("UNKNOWN-KIND", """
                {"name":"x","kind":"CAMPAIGN","budgetLine":"TECHNICAL_COOPERATION","startYear":2023}""").statusCode(400);
        define("UNKNOWN-REGION", """
                {"name":"x","kind":"PROJECT","budgetLine":"TECHNICAL_COOPERATION","region":"OCEANIA","startYear":2023}""").statusCode(400);
        define("UNKNOWN-PROPERTY", """
                {"name":"x","kind":"PROJECT","budgetLine":"TECHNICAL_COOPERATION","startYear":2023,"definedBy":"someone"}""").statusCode(400);
        assertEquals(before, Rows.snapshot());
    }

    @Test
    void onlyFinanceDefinesProgrammesAndSetsTheirTargets() {
        given().contentType(ContentType.JSON).body(window("x")).when().put("/api/v1/programmes/NOBODY-S").then().statusCode(401);
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON).body(window("x"))
                .when().put("/api/v1/programmes/PARTNER-S").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(window("x"))
                .when().put("/api/v1/programmes/ADMIN-S").then().statusCode(403);
        given().auth().oauth2(TestTokens.partner("SWE")).contentType(ContentType.JSON).body("{\"amountUsd\":\"1.00\",\"reason\":\"x\"}")
                .when().put("/api/v1/programmes/ARAB-APPEAL-2021/targets/2021").then().statusCode(403);
        given().when().get("/api/v1/programmes/PARTNER-S").then().statusCode(404);
    }

    @Test
    void aTargetIsSetRevisedAndKeptInAHistoryOldestFirstToTheCent() {
        define("UIF-WINDOW-TEST", """
                {"name":"Urban Investment Facility window","kind":"THEMATIC_WINDOW","budgetLine":"TECHNICAL_COOPERATION","startYear":2021,"endYear":2023}""")
                .statusCode(201);
        String path = "/api/v1/programmes/UIF-WINDOW-TEST/targets/2022";
        setTarget(path, "3000000", "Donors' commitments at the fund's launch").statusCode(201)
                .header("Location", endsWith(path))
                .body("programme", equalTo("UIF-WINDOW-TEST"))
                .body("year", equalTo(2022))
                .body("amountUsd", equalTo("3000000.00"))
                .body("revision", equalTo(1))
                .body("changedBy", equalTo("finance-user"));
        setTarget(path, "3500000.50", "A third donor joined").statusCode(200)
                .body("amountUsd", equalTo("3500000.50")).body("revision", equalTo(2));
        Rows.Snapshot before = Rows.snapshot();
        setTarget(path, "3500000.5", "The same again").statusCode(200)
                .body("revision", equalTo(2)).body("reason", equalTo("A third donor joined"));
        assertEquals(before, Rows.snapshot(), "an unchanged amount is no revision and no event");

        given().when().get(path + "/history").then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("amountUsd", contains("3000000.00", "3500000.50"))
                .body("reason", contains("Donors' commitments at the fund's launch", "A third donor joined"));
        given().when().get(path).then().statusCode(200).body("amountUsd", equalTo("3500000.50")).body("revision", equalTo(2));
        given().when().get("/api/v1/programmes/UIF-WINDOW-TEST/targets/2023/history").then().statusCode(404)
                .body("detail", equalTo("No target for programme UIF-WINDOW-TEST in 2023"));
    }

    @Test
    void aTargetOutsideTheProgrammesYearsOrWithABadAmountIsABadRequest() {
        define("SHORT-PROJECT", """
                {"name":"Short project","kind":"PROJECT","budgetLine":"TECHNICAL_COOPERATION","startYear":2021,"endYear":2022}""")
                .statusCode(201);
        Rows.Snapshot before = Rows.snapshot();
        setTarget("/api/v1/programmes/SHORT-PROJECT/targets/2023", "1.00", "after its end").statusCode(400)
                .body("errors.field", contains("year"))
                .body("errors.message", contains("programme SHORT-PROJECT runs 2021-2022; 2023 is outside it"));
        setTarget("/api/v1/programmes/SHORT-PROJECT/targets/2020", "1.00", "before its start").statusCode(400);
        setTarget("/api/v1/programmes/SHORT-PROJECT/targets/2021", "1.001", "too precise").statusCode(400)
                .body("errors.field", contains("amountUsd"));
        setTarget("/api/v1/programmes/SHORT-PROJECT/targets/2021", "-1.00", "negative").statusCode(400);
        assertEquals(before, Rows.snapshot());
    }

    @Test
    void concurrentChangesOfOneProgrammeTargetEachBecomeTheirOwnRevision() throws Exception {
        define("CONCURRENT-TARGETS", window("Concurrent")).statusCode(201);
        int writers = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = IntStream.rangeClosed(1, writers)
                    .mapToObj(i -> pool.submit(() -> setTarget("/api/v1/programmes/CONCURRENT-TARGETS/targets/2024",
                            i + "00000.00", "Writer " + i).extract().statusCode()))
                    .toList();
            for (Future<Integer> status : statuses) {
                assertTrue(List.of(200, 201).contains(status.get(30, TimeUnit.SECONDS)), "every writer succeeds");
            }
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/v1/programmes/CONCURRENT-TARGETS/targets/2024/history").then().statusCode(200)
                .body("revision", contains(1, 2, 3, 4, 5));
        assertEquals(1 + writers, Rows.outboxEventsFor("CONCURRENT-TARGETS"), "the definition, then one event per revision");
    }

    @Test
    void concurrentFirstDefinitionsOfOneCodeCreateItOnce() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = IntStream.rangeClosed(1, writers)
                    .mapToObj(i -> pool.submit(() -> define("RACE-WINDOW", window("Race")).extract().statusCode()))
                    .toList();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, answered.stream().filter(status -> status == 201).count(), "created once: " + answered);
            assertEquals(writers - 1, answered.stream().filter(status -> status == 200).count(), "confirmed after: " + answered);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Rows.outboxEventsFor("RACE-WINDOW"));
    }

    @Test
    void theOpenEndedProgrammeTakesTargetsForAnyYearFromItsStart() {
        define("OPEN-WINDOW", window("Open window")).statusCode(201);
        setTarget("/api/v1/programmes/OPEN-WINDOW/targets/2035", "1000000.00", "Long-range").statusCode(201)
                .body("amountUsd", equalTo("1000000.00"));
        given().when().get("/api/v1/programmes/OPEN-WINDOW").then().body("endYear", nullValue());
    }

    private static String window(String name) {
        return """
                {"name":"%s","kind":"THEMATIC_WINDOW","budgetLine":"FOUNDATION_EARMARKED","startYear":2021}""".formatted(name);
    }

    private static ValidatableResponse define(String code, String body) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/programmes/" + code).then();
    }

    private static ValidatableResponse setTarget(String path, String amountUsd, String reason) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"" + amountUsd + "\",\"reason\":\"" + reason + "\"}")
                .when().put(path).then();
    }
}
