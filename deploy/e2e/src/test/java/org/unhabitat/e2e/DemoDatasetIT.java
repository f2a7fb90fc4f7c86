package org.unhabitat.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unhabitat.devkit.DemoDataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo dataset, loaded through contributions-service's public API, must reproduce the source
 * report's figures in reporting-service's reports, having crossed the broker as events. Every
 * service runs as two instances, so two outbox relays share each outbox and two reporting instances
 * split the partitions of each topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDatasetIT {

    private static final List<String> REPORTS = List.of(
            "/api/v1/progress?year=2021&asOf=2021-12-31", "/api/v1/regions?year=2021&asOf=2021-11-30",
            "/api/v1/top-contributors?year=2021&budgetLine=FOUNDATION_NON_EARMARKED",
            "/api/v1/top-contributors?year=2021&budgetLine=FOUNDATION_EARMARKED",
            "/api/v1/top-contributors?year=2021&budgetLine=TECHNICAL_COOPERATION",
            "/api/v1/donor-base?year=2021", "/api/v1/monthly?year=2021", "/api/v1/kpis?year=2021",
            "/api/v1/flows?year=2021&asOf=2021-12-31&groupBy=budgetLine,region", "/api/v1/regions?year=2022",
            "/api/v1/flows?groupBy=programme,contributor");

    private static SuiteUnderTest suite;

    @BeforeAll
    static void startSuiteAndLoadTheDemo() throws Exception {
        suite = new SuiteUnderTest(2);
        loadDemo();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(reporting("/api/v1/progress?year=2021"))
                .then().statusCode(200).body("totals.receivedUsd", equalTo("196200000.00")));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void figureTwoIncomeReceivedAgainstTargetsAsOfTheEndOf2021() {
        given().get(reporting("/api/v1/progress?year=2021&asOf=2021-12-31")).then().statusCode(200)
                .body("lines.budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("lines.receivedUsd", contains("14200000.00", "2900000.00", "34300000.00", "144800000.00"))
                .body("lines.targetUsd", contains("14500000.00", "10000000.00", "43300000.00", "152600000.00"))
                .body("lines[1].priorYearUsd", equalTo("500000.00"))
                .body("lines.achievedPct", contains(97.9f, 29.0f, 79.2f, 94.9f))
                .body("totals.receivedUsd", equalTo("196200000.00"))
                .body("totals.targetUsd", equalTo("220400000.00"));
    }

    @Test
    @Order(2)
    void figureThreeIncomeByRegionAsOfThirtiethNovember() {
        given().get(reporting("/api/v1/regions?year=2021&asOf=2021-11-30")).then().statusCode(200)
                .body("region", contains("AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "GLOBAL", "LATIN_AMERICA_CARIBBEAN", "EUROPE"))
                .body("receivedUsd", contains("24900000.00", "54200000.00", "17740000.00", "24349000.00", "780000.00", "680000.00"))
                .body("sharePct", contains(20.3f, 44.2f, 14.5f, 19.9f, 0.6f, 0.6f));
    }

    @Test
    @Order(3)
    void theThreeTopTenTablesOf2021() {
        given().get(reporting("/api/v1/top-contributors?year=2021&budgetLine=FOUNDATION_NON_EARMARKED")).then().statusCode(200)
                .body("contributorCode", contains("USA", "CHN", "TUR", "DEU", "ZAF", "NAM", "ITA", "IND", "KEN", "KOR"));
        given().get(reporting("/api/v1/top-contributors?year=2021&budgetLine=FOUNDATION_EARMARKED")).then().statusCode(200)
                .body("contributorCode", contains("EC", "POL", "NLD", "UN-ENTITIES", "ESP", "CHE", "DEU", "CHN", "JPN", "SWE"))
                .body("receivedUsd[9]", equalTo("800000.00"));
        given().get(reporting("/api/v1/top-contributors?year=2021&budgetLine=TECHNICAL_COOPERATION")).then().statusCode(200)
                .body("contributorCode", contains("EC", "ADAPTATION-FUND", "UN-ENTITIES", "JPN", "MOZ", "KUWAIT-FUND", "ETH", "KFW", "CHE", "ITA"));
    }

    @Test
    @Order(4)
    void swedensSevenMillionKronorAreEightHundredThousandDollars() {
        String pledges = given().auth().oauth2(finance()).get(suite.url("contributions") + "/api/v1/pledges?contributor=SWE&year=2021")
                .then().statusCode(200).extract().asString();
        assertEquals(true, pledges.contains("\"usdAmount\":\"800000.00\""), pledges);
        assertEquals(true, pledges.contains("\"fxRate\":\"8.75\""), pledges);
    }

    @Test
    @Order(5)
    void paragraphTenNewResumedAndIncreasedCoreDonors() {
        given().get(reporting("/api/v1/donor-base?year=2021")).then().statusCode(200)
                .body("coreContributors", equalTo(15))
                .body("new", contains("MUS", "NAM", "TUR"))
                .body("resumed", contains("EGY", "ITA", "RWA"))
                .body("increased", contains("KIR", "PHL"));
    }

    @Test
    @Order(6)
    void paragraphSixEarmarkedMoneyForGlobalProgrammesIsSixtyFourPercentOfTheLinesTarget() {
        String flows = "/api/v1/flows?year=2021&asOf=2021-12-31&groupBy=budgetLine,region";
        String received = given().get(reporting(flows)).then().statusCode(200)
                .body("totals.receivedUsd", equalTo("196200000.00"))
                .extract().path("groups.find { it.key.budgetLine == 'FOUNDATION_EARMARKED' && it.key.region == 'GLOBAL' }.receivedUsd");
        assertEquals("27700000.00", received);
        String target = given().get(reporting("/api/v1/progress?year=2021")).then().statusCode(200)
                .extract().path("lines.find { it.budgetLine == 'FOUNDATION_EARMARKED' }.targetUsd");
        assertEquals("43300000.00", target);
        assertEquals(new BigDecimal("64"), new BigDecimal(received).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(target), 0, RoundingMode.HALF_UP));
    }

    @Test
    @Order(7)
    void paragraphEightSwitzerlandsTwentyMillionPledgedFor2022ToLatinAmericaAndTheCaribbean() {
        given().get(reporting("/api/v1/regions?year=2022")).then().statusCode(200)
                .body("find { it.region == 'LATIN_AMERICA_CARIBBEAN' }.pledgedUsd", equalTo("20000000.00"));
        given().get(reporting("/api/v1/flows?year=2022&region=LATIN_AMERICA_CARIBBEAN&groupBy=contributor")).then().statusCode(200)
                .body("groups.key.contributor", contains("CHE"))
                .body("groups[0].names.contributor", equalTo("Switzerland"))
                .body("groups[0].pledgedUsd", equalTo("20000000.00"))
                .body("groups[0].receivedUsd", equalTo("0.00"));
    }

    @Test
    @Order(8)
    void paragraphElevenTheFeasibilityFundAndItsThreePhilanthropicDonors() {
        given().get(suite.url("targets") + "/api/v1/programmes/UIF-FEASIBILITY-FUND").then().statusCode(200)
                .body("kind", equalTo("FUND"))
                .body("name", equalTo("Urban Investment Facility: feasibility fund"));
        given().get(reporting("/api/v1/flows?programme=UIF-FEASIBILITY-FUND&groupBy=contributor,contributorType")).then().statusCode(200)
                .body("groups.key.contributor", contains("PHILANTHROPY-A", "PHILANTHROPY-B", "PHILANTHROPY-C"))
                .body("groups.key.contributorType", contains("FOUNDATION", "FOUNDATION", "FOUNDATION"))
                .body("groups.pledgedUsd", contains("200000.00", "150000.00", "100000.00"))
                .body("groups.receivedUsd", contains("200000.00", "150000.00", "100000.00"))
                .body("totals.pledgedUsd", equalTo("450000.00"))
                .body("totals.pledgeCount", equalTo(3));
    }

    @Test
    @Order(9)
    void paragraphTwelveTheArabRegionAppealsOnlineGiftsAreOnlyAnAnonymousTotal() {
        String body = given().get(reporting("/api/v1/flows?programme=ARAB-APPEAL-2021&groupBy=contributor,channel")).then().statusCode(200)
                .body("groups.key.contributor", contains("INDIVIDUAL-DONORS"))
                .body("groups.key.channel", contains("ONLINE_GIVING"))
                .body("groups[0].pledgedUsd", equalTo("50000.00"))
                .body("groups[0].receivedUsd", equalTo("50000.00"))
                .body("groups[0].pledgeCount", equalTo(5))
                .extract().asString();
        assertFalse(body.contains("DONOR-000") || body.contains("Online donor"), body);
        String contributors = given().get(reporting("/api/v1/contributors?type=INDIVIDUAL")).then().statusCode(200)
                .body("items", hasSize(0)).extract().asString();
        assertFalse(contributors.contains("DONOR-000"), contributors);
        given().get(reporting("/api/v1/contributors/DONOR-0001/statement")).then().statusCode(404);
    }

    @Test
    @Order(10)
    void loadingTheDemoAgainThroughTheOtherInstanceChangesNothing() throws Exception {
        Map<String, String> before = snapshotOfReports(suite.url("reporting"));
        new DemoDataset(suite.urls("contributions").get(1), suite.urls("targets").get(1), finance()).load();
        Thread.sleep(2000);
        assertEquals(before, snapshotOfReports(suite.url("reporting")));
    }

    @Test
    @Order(11)
    void aRebuildAskedOfOneReportingInstanceReplaysThePartitionsOfBothIntoIdenticalReports() throws Exception {
        Map<String, String> before = snapshotOfReports(suite.url("reporting"));
        long appliedEvents = inboxEntries();

        given().auth().oauth2(suite.tokens().mint("admin", null, Duration.ofMinutes(5)))
                .post(suite.urls("reporting").get(1) + "/api/v1/admin/rebuild").then().statusCode(202);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertEquals(appliedEvents, inboxEntries(), "every event must have been applied again");
            for (String instance : suite.urls("reporting")) {
                assertEquals(before, snapshotOfReports(instance), instance);
            }
        });
    }

    private static long inboxEntries() throws SQLException {
        try (Connection connection = suite.database("reporting").getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM inbox_event");
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    @Order(12)
    void theDashboardOpensOnTwentyTwentyOneTheMostRecentYearWithIncome() {
        String page = given().accept("text/html").header("Accept-Language", "en").get(reporting("/")).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Figures for 2021: every payment recorded so far."), "the dashboard says which year it shows");
        assertTrue(page.contains("name=\"year\" min=\"1945\" max=\"2100\" value=\"2021\""), "the year chosen is 2021");
    }

    private static Map<String, String> snapshotOfReports(String reportingInstance) {
        Map<String, String> reports = new LinkedHashMap<>();
        REPORTS.forEach(report -> reports.put(report,
                given().get(reportingInstance + report).then().statusCode(200).extract().asString()));
        return reports;
    }

    private static void loadDemo() throws Exception {
        new DemoDataset(suite.url("contributions"), suite.url("targets"), finance()).load();
    }

    private static String finance() {
        return suite.tokens().mint("finance", null, Duration.ofMinutes(30));
    }

    private static String reporting(String path) {
        return suite.url("reporting") + path;
    }
}
