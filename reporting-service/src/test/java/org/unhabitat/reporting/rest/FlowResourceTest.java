package org.unhabitat.reporting.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.reporting.ContributionEvents.Purpose;
import org.unhabitat.testing.SuiteInfrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Flows and regions from both versions of the events, in years of their own (2047 and 2048): a member
 * state's v1 pledge to global work and v2 pledge to an appeal in euros, and an individual's online gift to
 * the same appeal. Every figure is worked out by hand from those events.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class FlowResourceTest {

    private static final Contributor STATE = new Contributor("FLOW-STATE", "Republic of Flows", "MEMBER_STATE");
    private static final Contributor PERSON = new Contributor("FLOW-PERSON", "Jane Flowgiver", "INDIVIDUAL");
    private static final String APPEAL = "FLOW-APPEAL-2047";
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void publishTheEventsOnce() {
        if (published) {
            return;
        }
        published = true;
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        events.programme(APPEAL, "Arab region appeal 2047", "APPEAL", "FOUNDATION_EARMARKED", "ARAB_STATES", 2047);
        // v1: USD 1,000 for 2047 and 500 for 2048 to global work; 400 of 2047 paid in March.
        Pledge global = events.pledge(STATE, "FOUNDATION_EARMARKED", "EARMARKED", "GLOBAL", "USD", "1", "2047-02-01",
                new Entry(2047, "1000.00", "1000.00"), new Entry(2048, "500.00", "500.00"));
        events.pay(global, "400.00", "1", "400.00", "400.00", "2047-03-10", 2047);
        // v2: EUR 800 at 0.8 (USD 1,000) to the appeal; EUR 400 (USD 500) paid in June.
        Purpose direct = new Purpose(APPEAL, "DIRECT", "GRANT");
        Pledge appeal = events.pledgeV2(STATE, "FOUNDATION_EARMARKED", "EARMARKED", "ARAB_STATES", direct, "EUR", "0.8", "2047-02-01",
                new Entry(2047, "800.00", "1000.00"));
        events.payV2(appeal, direct, "400.00", "2047-06-01", 2047);
        // v2: an individual's USD 250 given online to the appeal, paid at once.
        Purpose online = new Purpose(APPEAL, "ONLINE_GIVING", "GRANT");
        Pledge gift = events.pledgeV2(PERSON, "FOUNDATION_EARMARKED", "EARMARKED", "ARAB_STATES", online, "USD", "1", "2047-06-15",
                new Entry(2047, "250.00", "250.00"));
        events.payV2(gift, online, "250.00", "2047-06-15", 2047);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/flows?year=2047").then().statusCode(200)
                .body("totals.receivedUsd", equalTo("1150.00"))
                .body("totals.pledgeCount", equalTo(3)));
    }

    @Test
    void budgetLineByRegionGivesPledgedReceivedAndOutstandingToTheCentSortedByCode() {
        given().get("/api/v1/flows?year=2047&groupBy=budgetLine,region").then().statusCode(200)
                .body("groups.size()", equalTo(2))
                .body("groups[0].key", equalTo(java.util.Map.of("budgetLine", "FOUNDATION_EARMARKED", "region", "ARAB_STATES")))
                .body("groups[0].names.budgetLine", equalTo("Foundation earmarked"))
                .body("groups[0].pledgedUsd", equalTo("1250.00"))
                .body("groups[0].receivedUsd", equalTo("750.00"))
                .body("groups[0].outstandingUsd", equalTo("500.00"))
                .body("groups[0].pledgeCount", equalTo(2))
                .body("groups[1].key.region", equalTo("GLOBAL"))
                .body("groups[1].pledgedUsd", equalTo("1000.00"))
                .body("groups[1].receivedUsd", equalTo("400.00"))
                .body("groups[1].outstandingUsd", equalTo("600.00"))
                .body("totals.pledgedUsd", equalTo("2250.00"))
                .body("totals.outstandingUsd", equalTo("1100.00"));
    }

    @Test
    void theSummariesWithoutContributorsHoldExactlyTheSumsOfTheFinestGrain() throws SQLException {
        String dimensions = "budget_line, region, earmarking, programme_code, channel, modality, currency";
        assertEquals(0, rowsIn("(SELECT year, " + dimensions + ", SUM(pledged_usd), SUM(outstanding_usd), SUM(entry_count)"
                + " FROM flow_book GROUP BY year, " + dimensions + ") EXCEPT (SELECT year, " + dimensions
                + ", pledged_usd, outstanding_usd, entry_count FROM flow_book_summary)"));
        assertEquals(0, rowsIn("(SELECT year, " + dimensions + ", pledged_usd, outstanding_usd, entry_count FROM flow_book_summary)"
                + " EXCEPT (SELECT year, " + dimensions + ", SUM(pledged_usd), SUM(outstanding_usd), SUM(entry_count)"
                + " FROM flow_book GROUP BY year, " + dimensions + ")"));
        assertEquals(0, rowsIn("(SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER), " + dimensions + ", SUM(received_usd)"
                + " FROM flow_income_by_day GROUP BY 1, " + dimensions + ") EXCEPT (SELECT year, " + dimensions
                + ", received_usd FROM flow_income_by_year)"));
        assertEquals(0, rowsIn("(SELECT year, " + dimensions + ", received_usd FROM flow_income_by_year) EXCEPT"
                + " (SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER), " + dimensions + ", SUM(received_usd)"
                + " FROM flow_income_by_day GROUP BY 1, " + dimensions + ")"));
        assertEquals(1, rowsIn("SELECT 1 FROM flow_book_summary WHERE year = 2047 AND region = 'ARAB_STATES'"
                + " HAVING SUM(pledged_usd) = 1250.00 AND SUM(entry_count) = 2"));
    }

    @Test
    void aFlowNamingContributorsGivesTheSameTotalsAsOneThatDoesNot() {
        given().get("/api/v1/flows?year=2047&groupBy=region,contributor").then().statusCode(200)
                .body("totals.pledgedUsd", equalTo("2250.00"))
                .body("totals.receivedUsd", equalTo("1150.00"))
                .body("totals.outstandingUsd", equalTo("1100.00"));
        given().get("/api/v1/flows?year=2047&groupBy=region").then().statusCode(200)
                .body("totals.pledgedUsd", equalTo("2250.00"))
                .body("totals.receivedUsd", equalTo("1150.00"))
                .body("totals.outstandingUsd", equalTo("1100.00"));
    }

    private long rowsIn(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM (" + query + ") AS difference")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void withAcceptTextCsvTheSameGroupsComeAsRfc4180Csv() {
        String csv = given().accept("text/csv").get("/api/v1/flows?year=2047&groupBy=budgetLine,region").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals("budgetLine,region,pledgedUsd,receivedUsd,outstandingUsd,pledgeCount\r\n"
                + "FOUNDATION_EARMARKED,ARAB_STATES,1250.00,750.00,500.00,2\r\n"
                + "FOUNDATION_EARMARKED,GLOBAL,1000.00,400.00,600.00,1\r\n", csv);
        assertEquals("month,pledgedUsd,receivedUsd,outstandingUsd,pledgeCount\r\n2047-03,,400.00,,\r\n2047-06,,750.00,,\r\n",
                given().accept("text/csv").get("/api/v1/flows?year=2047&groupBy=month").then().statusCode(200).extract().asString());
    }

    @Test
    void aProgrammeByChannelFoldsTheIndividualIntoIndividualDonorsAndNamesNoOne() {
        String body = given().get("/api/v1/flows?year=2047&programme=" + APPEAL + "&groupBy=programme,contributor,channel").then()
                .statusCode(200)
                .body("groups.size()", equalTo(2))
                .body("groups[0].key.contributor", equalTo("FLOW-STATE"))
                .body("groups[0].key.channel", equalTo("DIRECT"))
                .body("groups[0].names.programme", equalTo("Arab region appeal 2047"))
                .body("groups[0].names.contributor", equalTo("Republic of Flows"))
                .body("groups[0].receivedUsd", equalTo("500.00"))
                .body("groups[1].key.contributor", equalTo("INDIVIDUAL-DONORS"))
                .body("groups[1].key.channel", equalTo("ONLINE_GIVING"))
                .body("groups[1].names.contributor", equalTo("Individual donors"))
                .body("groups[1].pledgedUsd", equalTo("250.00"))
                .body("groups[1].receivedUsd", equalTo("250.00"))
                .body("groups[1].outstandingUsd", equalTo("0.00"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("Jane")));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("FLOW-PERSON")));
    }

    @Test
    void anIndividualsCodeAsTheContributorFilterMatchesNothing() {
        given().get("/api/v1/flows?year=2047&contributor=FLOW-PERSON").then().statusCode(200)
                .body("groups.size()", equalTo(1))
                .body("groups[0].key", equalTo(java.util.Map.of()))
                .body("totals.pledgedUsd", equalTo("0.00"))
                .body("totals.receivedUsd", equalTo("0.00"))
                .body("totals.pledgeCount", equalTo(0));
    }

    @Test
    void groupedByMonthOnlyReceivedIsGivenForEachMonthOfReceipt() {
        given().get("/api/v1/flows?year=2047&groupBy=month").then().statusCode(200)
                .body("groups.key.month", equalTo(List.of("2047-03", "2047-06")))
                .body("groups.receivedUsd", equalTo(List.of("400.00", "750.00")))
                .body("groups[0].pledgedUsd", nullValue())
                .body("groups[0].outstandingUsd", nullValue())
                .body("totals.receivedUsd", equalTo("1150.00"));
    }

    @Test
    void asOfADayCountsOnlyThePaymentsReceivedByThen() {
        given().get("/api/v1/flows?year=2047&asOf=2047-05-31&groupBy=region,currency").then().statusCode(200)
                .body("groups.size()", equalTo(2))
                .body("groups[0].key", equalTo(java.util.Map.of("region", "ARAB_STATES", "currency", "EUR")))
                .body("groups[0].pledgedUsd", equalTo("1000.00"))
                .body("groups[0].receivedUsd", equalTo("0.00"))
                .body("groups[0].outstandingUsd", equalTo("1000.00"))
                .body("groups[1].key", equalTo(java.util.Map.of("region", "GLOBAL", "currency", "USD")))
                .body("groups[1].receivedUsd", equalTo("400.00"))
                .body("groups[1].outstandingUsd", equalTo("600.00"));
    }

    @Test
    void aYearRangeAddsTheLaterYearsSchedule() {
        given().get("/api/v1/flows?fromYear=2047&toYear=2048&region=GLOBAL&groupBy=year").then().statusCode(200)
                .body("groups.key.year", equalTo(List.of(2047, 2048)))
                .body("groups.pledgedUsd", equalTo(List.of("1000.00", "500.00")))
                .body("groups.outstandingUsd", equalTo(List.of("600.00", "500.00")));
    }

    @Test
    void regionsShowMoneyPledgedForTheYearBesideMoneyReceived() {
        given().get("/api/v1/regions?year=2047").then().statusCode(200)
                .body("find { it.region == 'ARAB_STATES' }.pledgedUsd", equalTo("1250.00"))
                .body("find { it.region == 'ARAB_STATES' }.receivedUsd", equalTo("750.00"))
                .body("find { it.region == 'GLOBAL' }.pledgedUsd", equalTo("1000.00"))
                .body("find { it.region == 'GLOBAL' }.receivedUsd", equalTo("400.00"))
                .body("find { it.region == 'AFRICA' }.pledgedUsd", equalTo("0.00"));
        given().get("/api/v1/regions?year=2048&budgetLine=FOUNDATION_EARMARKED").then().statusCode(200)
                .body("find { it.region == 'GLOBAL' }.pledgedUsd", equalTo("500.00"))
                .body("find { it.region == 'GLOBAL' }.receivedUsd", equalTo("0.00"));
    }

    @Test
    void aBadFilterOrGroupingIsAProblemNamingTheParameter() {
        given().get("/api/v1/flows?groupBy=planet").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
        given().get("/api/v1/flows?groupBy=year,region,channel,modality").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().get("/api/v1/flows?region=MARS").then().statusCode(400).body("errors[0].field", equalTo("region"));
        given().get("/api/v1/flows?year=2047&fromYear=2046&toYear=2047").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().get("/api/v1/flows?fromYear=2047").then().statusCode(400).body("errors[0].field", equalTo("toYear"));
        given().get("/api/v1/flows?contributor=%00").then().statusCode(400).body("errors[0].field", equalTo("contributor"));
    }
}
