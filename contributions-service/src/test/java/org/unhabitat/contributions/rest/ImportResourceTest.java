package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ImportResourceTest {

    static final String PLEDGE_HEADER = "contributorCode,budgetLine,earmarking,region,currency,amount,pledgedOn,reference,schedule";
    static final String PAYMENT_HEADER = "contributorCode,pledgeReference,amount,currency,receivedOn,reference,forYear";

    /** The subject of TestTokens.finance(). */
    private static final String FINANCE_USER = "finance-user";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void referenceData() {
        Given.contributor("IMPORT-FOUNDATION", "An Importing Foundation", "FOUNDATION");
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        Given.rate("EUR", "2021-03", "0.84");
        Given.rate("EUR", "2021-06", "0.82");
        Given.rate("SEK", "2021-09", "8.75");
        Given.rate("JPY", "2021-03", "108.5");
    }

    @Test
    void twoThousandRowsWithThreeMistakesAreCheckedInOneDryRunRefusedWholeThenRecordedOnceFixedAndOnceOnly() {
        List<String> rows = IntStream.range(0, 2000).mapToObj(i -> pledgeRow("BULK-" + i, "1000.50")).collect(Collectors.toList());
        rows.set(99, pledgeRow("BULK-99", "-5"));
        rows.set(999, rows.get(999).replace(",EUR,", ",ZZZ,"));
        rows.set(1499, rows.get(1499).replace("2021-03-15", "2021-02-30"));
        String file = csv(PLEDGE_HEADER, rows);
        long pledgesBefore = count("select count(*) from pledge");
        long eventsBefore = count("select count(*) from outbox_event");
        long auditBefore = count("select count(*) from audit_log");

        JsonPath checked = finished(upload("pledges", true, file));
        assertEquals("CHECKED", checked.getString("status"));
        assertEquals(List.of(2000, 1997, 0), List.of(checked.getInt("processed"), checked.getInt("created"), checked.getInt("unchanged")));
        assertEquals(List.of(101, 1001, 1501), checked.getList("problems.row"));
        assertEquals(List.of("amount", "currency", "pledgedOn"), checked.getList("problems.field"));
        assertEquals(List.of("must be greater than zero", "is not an ISO 4217 currency code", "must be a date such as 2021-09-15"),
                checked.getList("problems.message"));

        JsonPath rejected = finished(upload("pledges", false, file));
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals(checked.getList("problems"), rejected.getList("problems"), "a real run lists the dry run's problems");
        assertEquals(0, rejected.getInt("created"));
        assertEquals(pledgesBefore, count("select count(*) from pledge"), "a refused import records no pledge");
        assertEquals(eventsBefore, count("select count(*) from outbox_event"), "a refused import appends no event");
        assertEquals(auditBefore, count("select count(*) from audit_log"), "a refused import leaves no audit entry");

        rows.set(99, pledgeRow("BULK-99", "1000.50"));
        rows.set(999, pledgeRow("BULK-999", "1000.50"));
        rows.set(1499, pledgeRow("BULK-1499", "1000.50"));
        String fixed = csv(PLEDGE_HEADER, rows);
        JsonPath recorded = finished(upload("pledges", false, fixed));
        assertEquals(List.of("RECORDED", "pledges", FINANCE_USER, "finance"), List.of(recorded.getString("status"), recorded.getString("kind"),
                recorded.getString("ranBy"), recorded.getString("role")));
        assertEquals(List.of(2000, 2000, 0), List.of(recorded.getInt("rows"), recorded.getInt("created"), recorded.getInt("unchanged")));
        assertEquals(pledgesBefore + 2000, count("select count(*) from pledge"));
        assertEquals(eventsBefore + 2000, count("select count(*) from outbox_event"), "one pledge.recorded event per row");
        assertEquals(auditBefore + 2001, count("select count(*) from audit_log"), "one entry per pledge, and one for the import");
        assertEquals(2000, count("select count(*) from audit_log where subject = 'finance-user' and action = 'pledge.recorded' "
                + "and aggregate_id in (select id::text from pledge where reference like 'BULK-%')"), "the job's entries name who uploaded");

        JsonPath again = finished(upload("pledges", false, fixed));
        assertEquals(List.of(0, 2000), List.of(again.getInt("created"), again.getInt("unchanged")));
        assertEquals(pledgesBefore + 2000, count("select count(*) from pledge"), "uploading the file again records nothing new");
        assertEquals(eventsBefore + 2000, count("select count(*) from outbox_event"));
    }

    @Test
    void aRealRunAnsweredAtOnceIsAllOrNothingWith422() {
        Response refused = upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("AT-ONCE-1", "10"), pledgeRow("AT-ONCE-2", "0"))))
                .extract().response();

        assertProblem(refused, 422);
        refused.then().body("problems.row", contains(3)).body("problems.field", contains("amount"));
        assertEquals(0, count("select count(*) from pledge where reference like 'AT-ONCE-%'"));

        String location = upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("AT-ONCE-1", "10"), pledgeRow("AT-ONCE-2", "20"))))
                .statusCode(201).header("Location", matchesPattern(".*/api/v1/imports/[0-9a-f-]{36}"))
                .body("status", equalTo("RECORDED")).body("rows", equalTo(2)).body("created", equalTo(2)).body("unchanged", equalTo(0))
                .extract().header("Location");
        given().auth().oauth2(TestTokens.finance()).when().get(location.substring(location.indexOf("/api/")))
                .then().statusCode(200).body("status", equalTo("RECORDED")).body("created", equalTo(2))
                .body("ranBy", equalTo(FINANCE_USER)).body("role", equalTo("finance"));
    }

    @Test
    void anImportedPledgeHasTheEventAndAuditEntryOfOneRecordedAlone() {
        String single = Given.pledge("""
                {"contributorCode":"IMPORT-FOUNDATION","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                 "region":"GLOBAL","currency":"EUR","amount":"1000.50","pledgedOn":"2021-03-15","reference":"SINGLE-1"}""");
        upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("EVENTS-1", "1000.50")))).statusCode(201);
        String imported = pledgeId("IMPORT-FOUNDATION", "EVENTS-1");

        Map<String, String> singleEvent = event(single);
        Map<String, String> importedEvent = event(imported);
        assertEquals("org.unhabitat.pledge.recorded.v2", importedEvent.get("type"));
        assertEquals(singleEvent.get("type"), importedEvent.get("type"));
        assertEquals(singleEvent.get("payload").replace(single, imported).replaceAll("\"(recordedAt|reference)\":\"[^\"]*\"", ""),
                importedEvent.get("payload").replaceAll("\"(recordedAt|reference)\":\"[^\"]*\"", ""),
                "the same event, but for its id, time and reference");

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}/audit", imported)
                .then().statusCode(200).body("action", contains("pledge.recorded"))
                .body("subject", contains(FINANCE_USER)).body("role", contains("finance"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}", imported)
                .then().statusCode(200).body("amount", equalTo("1000.50")).body("usdAmount", equalTo("1191.07"))
                .body("fxRate", equalTo("0.84"));
    }

    @Test
    void paymentsReferToPledgesByContributorAndPledgeReferenceAndAreRecordedOnceWithTheirEvents() {
        upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("PAID-1", "1000"), pledgeRow("PAID-2", "500")))).statusCode(201);
        String file = csv(PAYMENT_HEADER, List.of(
                "IMPORT-FOUNDATION,PAID-1,600,EUR,2021-06-10,BANK-1,2021",
                "IMPORT-FOUNDATION,PAID-1,400,EUR,2021-06-11,BANK-2,",
                "IMPORT-FOUNDATION,PAID-2,500,EUR,2021-06-12,BANK-1,"));

        upload("payments", true, file).statusCode(200).body("created", equalTo(3)).body("problems", empty());
        upload("payments", false, file).statusCode(201).body("created", equalTo(3)).body("unchanged", equalTo(0));
        upload("payments", false, file).statusCode(201).body("created", equalTo(0)).body("unchanged", equalTo(3));

        String paid = pledgeId("IMPORT-FOUNDATION", "PAID-1");
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}", paid)
                .then().statusCode(200).body("status", equalTo("PAID")).body("payments.reference", contains("BANK-1", "BANK-2"))
                .body("payments.usdAmount", contains("731.71", "487.80"));
        assertEquals(2, count("select count(*) from outbox_event where event_type = 'org.unhabitat.payment.recorded.v2' and aggregate_id = '"
                + paid + "'"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}/audit", paid)
                .then().statusCode(200).body("action", contains("pledge.recorded", "payment.recorded", "payment.recorded"));
    }

    @Test
    void aPaymentRowIsCheckedAsTheSingleRecordApiChecksIt() {
        upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("CHECKED-1", "1000")))).statusCode(201);
        String file = csv(PAYMENT_HEADER, List.of(
                "IMPORT-FOUNDATION,NO-SUCH-PLEDGE,10,EUR,2021-06-10,BANK-A,",
                "IMPORT-FOUNDATION,CHECKED-1,1000.01,EUR,2021-06-10,BANK-B,",
                "IMPORT-FOUNDATION,CHECKED-1,10,SEK,2021-06-10,BANK-C,",
                "IMPORT-FOUNDATION,CHECKED-1,10,EUR,2099-06-10,BANK-D,",
                "IMPORT-FOUNDATION,CHECKED-1,10,EUR,2021-06-10,BANK-E,2022"));

        upload("payments", true, file).statusCode(200).body("valid", equalTo(0))
                .body("problems.row", contains(2, 3, 4, 5, 6))
                .body("problems.field", contains("pledgeReference", "amount", "currency", "receivedOn", "forYear"))
                .body("problems[1].message", startsWith("Paying 1000.01 EUR would exceed the outstanding balance of 1000"))
                .body("problems[3].message", equalTo("must not be in the future"));
    }

    @Test
    void everyProblemOfARowIsListedWithTheSingleRecordApisRulesAndRounding() {
        String file = csv(PLEDGE_HEADER + ",channel", List.of(
                "IMPORT-FOUNDATION,NOT_A_LINE,SOFTLY_EARMARKED,GLOBAL,EUR,1e5,2021-03-15,RULES-1,,",
                "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,JPY,1000.5,2021-03-15,RULES-2,,",
                "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,EUR,1000,2021-03-15,RULES-3,2021=600;2022=300,",
                "NOBODY,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,,EUR,1000,2021-03-15,,,BY_PIGEON"));

        upload("pledges", true, file).statusCode(200).body("valid", equalTo(0)).body("created", equalTo(0))
                .body("problems.row", contains(2, 2, 3, 4, 5, 5, 5))
                .body("problems.field", contains("budgetLine", "amount", "amount", "schedule", "channel", "region", "reference"))
                .body("problems[2].message", equalTo("has more decimals than JPY allows (0)"))
                .body("problems[3].message", equalTo("adds up to 900, not to the amount 1000"));
    }

    @Test
    void theSameReferenceWithOtherValuesIsAProblemOfItsRowAndAPledgeIsNotChangedByIt() {
        upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("CHANGED-1", "1000")))).statusCode(201);

        Response refused = upload("pledges", false, csv(PLEDGE_HEADER, List.of(pledgeRow("CHANGED-2", "1"), pledgeRow("CHANGED-1", "2000"))))
                .extract().response();

        assertProblem(refused, 422);
        refused.then().body("problems.row", contains(3)).body("problems.field", contains("reference"))
                .body("problems[0].message", startsWith("is already recorded for IMPORT-FOUNDATION with other values (pledge "));
        assertEquals(0, count("select count(*) from pledge where reference = 'CHANGED-2'"), "the valid row is not recorded either");
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}", pledgeId("IMPORT-FOUNDATION", "CHANGED-1"))
                .then().body("amount", equalTo("1000.00"));
    }

    @Test
    void quotedCommasAndLineBreaksAreValuesAndRowsAreCountedAsRecordsWithTheHeaderAsRowOne() {
        String file = PLEDGE_HEADER + "\r\n"
                + "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,EUR,1000,2021-03-15,\"QUOTED-1, with a comma\",\r\n"
                + "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,EUR,1000,2021-03-15,\"QUOTED-2\nover two lines\",\r\n"
                + "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,EUR,0,2021-03-15,QUOTED-3,\r\n";

        upload("pledges", true, file).statusCode(200).body("rows", equalTo(3)).body("created", equalTo(2))
                .body("problems.row", contains(4)).body("problems.field", contains("amount"));
        upload("pledges", false, file.replace(",0,", ",10,")).statusCode(201).body("created", equalTo(3));

        assertEquals(1, count("select count(*) from pledge where reference = 'QUOTED-1, with a comma'"));
        assertEquals(1, count("select count(*) from pledge where reference = 'QUOTED-2\nover two lines'"));
    }

    @Test
    void aValueStartingWithAFormulaCharacterIsKeptAsTextButANegativeAmountIsStillInvalid() {
        String file = csv(PLEDGE_HEADER, List.of(
                pledgeRow("\"=HYPERLINK(\"\"http://evil\"\")\"", "1000"),
                pledgeRow("+FORMULA-1", "1000"), pledgeRow("-FORMULA-2", "1000"), pledgeRow("@FORMULA-3", "1000")));

        upload("pledges", false, file).statusCode(201).body("created", equalTo(4));

        for (String reference : List.of("=HYPERLINK(\"http://evil\")", "+FORMULA-1", "-FORMULA-2", "@FORMULA-3")) {
            given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}", pledgeId("IMPORT-FOUNDATION", reference))
                    .then().statusCode(200).body("reference", equalTo(reference));
        }
        upload("pledges", true, csv(PLEDGE_HEADER, List.of(pledgeRow("=NEGATIVE", "-5")))).statusCode(200)
                .body("problems.field", contains("amount")).body("problems[0].message", equalTo("must be greater than zero"));
    }

    @Test
    void aDuplicateReferenceWithinOneFileIsAProblemOfTheLaterRowAndNothingIsWritten() {
        String file = csv(PLEDGE_HEADER, List.of(pledgeRow("TWICE-1", "1000"), pledgeRow("TWICE-2", "1000"), pledgeRow("TWICE-1", "1000")));

        upload("pledges", true, file).statusCode(200).body("problems.row", contains(4)).body("problems.field", contains("reference"))
                .body("problems[0].message", equalTo("is also the reference of row 2"));
        assertProblem(upload("pledges", false, file).extract().response(), 422);
        assertEquals(0, count("select count(*) from pledge where reference like 'TWICE-%'"));
    }

    @Test
    void eachTemplateNamesEveryColumnAndItsPledgeExamplePassesADryRun() {
        String pledges = given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/template.csv?kind=pledges")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("pledges-template.csv")).extract().asString();
        assertEquals("contributorCode,budgetLine,earmarking,region,currency,amount,pledgedOn,reference,schedule,programme,channel,modality",
                pledges.lines().findFirst().orElseThrow());
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/template.csv?kind=payments")
                .then().statusCode(200).body(startsWith("contributorCode,pledgeReference,amount,currency,receivedOn,reference,forYear\r\n"));

        // Its example is Sweden's own reference, which other tests may have recorded with other values.
        upload("pledges", true, pledges.replace("SE-2021-001", "TEMPLATE-1")).statusCode(200).body("rows", equalTo(1))
                .body("problems", empty());
        assertProblem(given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/template.csv?kind=contributors"), 400);
    }

    @Test
    void onlyFinanceImportsAndReadsImports() {
        String file = csv(PLEDGE_HEADER, List.of(pledgeRow("PARTNER-1", "1000")));
        assertProblem(given().auth().oauth2(TestTokens.partner("IMPORT-FOUNDATION")).contentType("text/csv").body(file)
                .when().post("/api/v1/imports?kind=pledges"), 403);
        assertProblem(given().contentType("text/csv").body(file).when().post("/api/v1/imports?kind=pledges"), 401);
        assertProblem(given().auth().oauth2(TestTokens.partner("IMPORT-FOUNDATION")).when().get("/api/v1/imports/template.csv?kind=pledges"), 403);
        assertProblem(given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/00000000-0000-4000-8000-000000000001"), 404);
        assertEquals(0, count("select count(*) from pledge where reference = 'PARTNER-1'"));
    }

    static String pledgeRow(String reference, String amount) {
        return "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,EUR," + amount + ",2021-03-15," + reference + ",";
    }

    static String csv(String header, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Waits for an import answered with 202 to end, and returns how it ended. */
    static JsonPath finished(ValidatableResponse started) {
        String location = started.statusCode(202).body("status", equalTo("RUNNING")).extract().header("Location");
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(TestTokens.finance()).when().get(path).then().statusCode(200).extract().path("status")));
        return given().auth().oauth2(TestTokens.finance()).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    static ValidatableResponse upload(String kind, boolean dryRun, String file) {
        return given().auth().oauth2(TestTokens.finance()).contentType("text/csv").body(file)
                .when().post("/api/v1/imports?kind=" + kind + (dryRun ? "&dryRun=true" : "")).then();
    }

    private String pledgeId(String contributor, String reference) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id from pledge where contributor_code = ? and reference = ?")) {
            statement.setString(1, contributor);
            statement.setString(2, reference);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("no pledge " + reference);
                }
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> event(String pledgeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select event_type, payload from outbox_event where aggregate_id = ?")) {
            statement.setString(1, pledgeId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("no event for pledge " + pledgeId);
                }
                Map<String, String> event = Map.of("type", result.getString(1), "payload", result.getString(2));
                if (result.next()) {
                    throw new AssertionError("more than one event for pledge " + pledgeId);
                }
                return event;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
