package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.testing.SuiteInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OpenDataPledgesCsvTest {

    /** A year no other test publishes into, so that the file holds exactly the pledges below. */
    private static final int YEAR = 2041;
    private static final String CSV = "/api/v1/open-data/pledges.csv?year=" + YEAR;
    private static final ContributionEvents.Contributor SWEDEN = new ContributionEvents.Contributor("SWE", "Sweden", "MEMBER_STATE");
    private static final ContributionEvents.Contributor BANK =
            new ContributionEvents.Contributor("KFW", "KfW \"Bankengruppe\", Frankfurt", "DEVELOPMENT_BANK");
    private static final ContributionEvents.Contributor JAPAN = new ContributionEvents.Contributor("JPN", "Japan", "MEMBER_STATE");
    private static final ContributionEvents.Contributor PERSON = new ContributionEvents.Contributor("DONOR-4711", "Jane Doe", "INDIVIDUAL");

    private static UUID swedenPledge;
    private static UUID bankPledge;
    private static UUID japanPledge;
    private static UUID personPledge;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void publishThePledgeBookOnce() {
        if (swedenPledge != null) {
            return;
        }
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        swedenPledge = events.pledge(SWEDEN, "FOUNDATION_EARMARKED", "GLOBAL", "SEK", "7000000.00", "8.75", "2041-02-15");
        events.payment(swedenPledge, SWEDEN, "FOUNDATION_EARMARKED", "GLOBAL", "SEK", "3500000.00", "8.75", "2041-05-10", YEAR);
        bankPledge = events.pledge(BANK, "TECHNICAL_COOPERATION", "AFRICA", "USD", "250000.00", "1", "2041-03-01");
        events.cancellation(bankPledge, "2041-09-30");
        japanPledge = events.pledge(JAPAN, "FOUNDATION_NON_EARMARKED", "ASIA_PACIFIC", "JPY", "110000000", "110", "2041-04-01");
        personPledge = events.pledge(PERSON, "FOUNDATION_NON_EARMARKED", "ARAB_STATES", "USD", "100.00", "1", "2041-06-01");
        events.payment(personPledge, PERSON, "FOUNDATION_NON_EARMARKED", "ARAB_STATES", "USD", "100.00", "1", "2041-06-01", YEAR);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> rows = rowsById(given().get(CSV).then().statusCode(200).extract().asString());
            assertEquals(4, rows.size());
            assertEquals("CANCELLED", rows.get(bankPledge.toString()).get(15));
            assertEquals("PAID", rows.get(personPledge.toString()).get(15));
            assertEquals("PARTIALLY_PAID", rows.get(swedenPledge.toString()).get(15));
        });
    }

    @Test
    void theFileIsRfc4180CsvWithAHeaderRowCrlfLineEndsAndQuotedFieldsWhereNeeded() {
        Response response = given().get(CSV).then().statusCode(200).extract().response();
        assertEquals("text/csv;charset=UTF-8", response.contentType().replace(" ", ""));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("pledge_id,year,contributor_code,contributor_name,contributor_type,budget_line,earmarking,"
                + "region,currency,amount,fx_rate,usd_amount,pledged_on,paid_usd,outstanding_usd,status\r\n"));
        assertTrue(body.endsWith("\r\n"));
        assertFalse(body.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        assertTrue(body.contains(",KFW,\"KfW \"\"Bankengruppe\"\", Frankfurt\",DEVELOPMENT_BANK,"));
    }

    @Test
    void eachScheduleEntryShowsItsAmountsRatePaidOutstandingAndStatus() {
        Map<String, List<String>> rows = rowsById(given().get(CSV).then().statusCode(200).extract().asString());

        assertEquals(List.of(swedenPledge.toString(), "2041", "SWE", "Sweden", "MEMBER_STATE", "FOUNDATION_EARMARKED",
                "SOFTLY_EARMARKED", "GLOBAL", "SEK", "7000000.00", "8.75", "800000.00", "2041-02-15", "400000.00", "400000.00",
                "PARTIALLY_PAID"), rows.get(swedenPledge.toString()));
        assertEquals(List.of("USD", "250000.00", "1", "250000.00", "2041-03-01", "0.00", "0.00", "CANCELLED"),
                rows.get(bankPledge.toString()).subList(8, 16));
        assertEquals(List.of("JPY", "110000000", "110", "1000000.00", "2041-04-01", "0.00", "1000000.00", "PLEDGED"),
                rows.get(japanPledge.toString()).subList(8, 16), "yen have no minor unit");
    }

    @Test
    void individualDonorsArePublishedOnlyAsIndividualDonorsNeverByNameOrCode() {
        String body = given().get(CSV).then().statusCode(200).extract().asString();
        List<String> person = rowsById(body).get(personPledge.toString());

        assertEquals(List.of("INDIVIDUAL-DONORS", "Individual donor", "INDIVIDUAL"), person.subList(2, 5));
        assertFalse(body.contains("Jane Doe"));
        assertFalse(body.contains("DONOR-4711"));
        assertFalse(body.contains("internal"), "no reason or note is ever published");
    }

    @Test
    void asOfLeavesOutLaterPledgesPaymentsAndCancellations() {
        Map<String, List<String>> rows = rowsById(given().get(CSV + "&asOf=2041-03-31").then().statusCode(200).extract().asString());

        assertEquals(2, rows.size());
        assertEquals(List.of("0.00", "800000.00", "PLEDGED"), rows.get(swedenPledge.toString()).subList(13, 16));
        assertEquals("PLEDGED", rows.get(bankPledge.toString()).get(15));
    }

    @Test
    void pagesFollowTheNextLinkUntilEveryRowHasBeenReadOnce() {
        List<String> ids = new ArrayList<>();
        String next = CSV + "&limit=3";
        int pages = 0;
        while (next != null) {
            Response page = given().get(next).then().statusCode(200).extract().response();
            String body = page.asString();
            assertTrue(body.startsWith("pledge_id,"), "every page starts with the header row");
            ids.addAll(rowsById(body).keySet());
            next = nextLink(page.header("Link"));
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(4, ids.size());
        assertEquals(4, ids.stream().distinct().count());
        assertEquals(ids.stream().sorted().toList(), ids, "rows come in pledge id order");
    }

    @Test
    void aLimitOrCursorThatIsNotUsableIsAProblemNamingTheParameter() {
        given().get(CSV + "&cursor=not-a-cursor").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
        given().get(CSV + "&limit=5001").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/open-data/pledges.csv?limit=10").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().accept("text/csv").get("/api/v1/open-data/pledges.csv?year=1800").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
        given().get("/api/v1/open-data/pledges.csv?year=next").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }

    @Test
    void aClientHoldingTheCurrentETagGetsNotModifiedAndEveryReportIsCacheableForAMinute() {
        for (String path : List.of(CSV + "&limit=500", "/api/v1/progress?year=" + YEAR, "/api/v1/regions?year=" + YEAR)) {
            Response first = given().get(path).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=60").extract().response();
            String etag = first.header("ETag");
            assertNotNull(etag, path);
            assertTrue(etag.matches("\"[0-9a-f]{64}\""), "a strong SHA-256 validator: " + etag);
            given().get(path).then().statusCode(200).header("ETag", etag);
            given().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", "public, max-age=60");
            given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
        assertNull(given().get("/api/v1/open-data/pledges.csv?limit=10").then().statusCode(400).extract().header("ETag"),
                "errors are not cacheable");
    }

    @Test
    void withoutLimitOrCursorTheWholeFileComesInOneResponseWithTheRowsOfEveryPage() {
        Response whole = given().get(CSV).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").extract().response();
        assertNull(whole.header("Link"), "nothing left behind a link");
        StringBuilder pages = new StringBuilder();
        String next = CSV + "&limit=1";
        while (next != null) {
            Response page = given().get(next).then().statusCode(200).extract().response();
            String body = page.asString();
            pages.append(pages.isEmpty() ? body : body.substring(body.indexOf("\r\n") + 2));
            next = nextLink(page.header("Link"));
        }
        assertEquals(pages.toString(), whole.asString());
        String everyYear = given().get("/api/v1/open-data/pledges.csv").then().statusCode(200).extract().asString();
        assertTrue(everyYear.contains(swedenPledge + ",2041,SWE,Sweden,"), "every year's rows when year is absent");
    }

    @Test
    void aNameThatASpreadsheetWouldRunAsAFormulaIsPublishedAsText() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        ContributionEvents.Contributor formula = new ContributionEvents.Contributor("CSV-FORMULA",
                "=HYPERLINK(\"http://attacker.example\",\"Click\")", "PRIVATE_SECTOR");
        UUID pledge = events.pledge(formula, "TECHNICAL_COOPERATION", "EUROPE", "USD", "10.00", "1", "2052-01-10");
        String path = "/api/v1/open-data/pledges.csv?year=2052";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(given().get(path).then().statusCode(200).extract()
                .asString().contains(pledge.toString())));
        String body = given().get(path).then().extract().asString();
        assertTrue(body.contains(",CSV-FORMULA,\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"Click\"\")\",PRIVATE_SECTOR,"), body);
    }

    @Test
    void anyOriginMayReadWithGetButNotWriteAndCredentialsAreNeverAllowed() {
        Response preflight = given().header("Origin", "https://open.unhabitat.org")
                .header("Access-Control-Request-Method", "GET")
                .options(CSV).then().extract().response();
        assertEquals(200, preflight.statusCode());
        assertTrue(List.of("*", "https://open.unhabitat.org").contains(preflight.header("Access-Control-Allow-Origin")));
        assertHeaderIs("GET", preflight.header("Access-Control-Allow-Methods"));
        assertNotEquals("true", preflight.header("Access-Control-Allow-Credentials"));

        Response postPreflight = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options(CSV).then().extract().response();
        assertHeaderIs("GET", postPreflight.header("Access-Control-Allow-Methods"));
        given().header("Origin", "https://elsewhere.example").post(CSV).then().statusCode(403);

        given().header("Origin", "https://partner.example").get(CSV).then().statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(equalTo("*"), equalTo("https://partner.example")))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Vary", containsString("Origin"));
    }

    private static void assertHeaderIs(String expected, String header) {
        assertEquals(expected, header == null ? null : header.replace(" ", ""));
    }

    private static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(link);
        assertTrue(matcher.find(), link);
        return matcher.group(1);
    }

    /** Data rows keyed by pledge id; a minimal RFC 4180 reader, so that quoting is checked, not assumed. */
    static Map<String, List<String>> rowsById(String csv) {
        List<List<String>> records = parse(csv);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        records.subList(1, records.size()).forEach(record -> rows.put(record.get(0), record));
        return rows;
    }

    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
