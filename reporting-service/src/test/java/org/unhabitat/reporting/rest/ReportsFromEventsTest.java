package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * One year of contributions, published as contributions-service's events, read back through every
 * report. The year is 2016 so that no other test's data falls into it.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsFromEventsTest {

    private static final Contributor SWEDEN = new Contributor("SWE", "Sweden", "MEMBER_STATE");
    private static final Contributor USA = new Contributor("USA", "United States of America", "MEMBER_STATE");
    private static final Contributor TURKIYE = new Contributor("TUR", "Türkiye", "MEMBER_STATE");
    private static final Contributor CHINA = new Contributor("CHN", "China", "MEMBER_STATE");
    private static final Contributor DONOR = new Contributor("DONOR-7731", "Jane Example", "INDIVIDUAL");
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void publishTheYearOnce() {
        if (published) {
            return;
        }
        published = true;
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        KafkaRecords.publish(bootstrapServers, "targets.events", "2016:FOUNDATION_NON_EARMARKED", UUID.randomUUID().toString(),
                "org.unhabitat.target.set.v1", """
                        {"year":2016,"budgetLine":"FOUNDATION_NON_EARMARKED","amountUsd":"10000000.00","revision":1,
                         "setBy":"finance-user","reason":"Board decision","setAt":"2016-01-10T00:00:00Z"}""");

        Pledge sek = events.pledge(SWEDEN, "FOUNDATION_EARMARKED", "SOFTLY_EARMARKED", "GLOBAL", "SEK", "8.75", "2016-09-15",
                new Entry(2016, "7000000.00", "800000.00"));
        events.pay(sek, "7000000.00", "8.70", "804597.70", "800000.00", "2016-10-03", 2016);

        Pledge twoYears = events.pledge(USA, "FOUNDATION_NON_EARMARKED", "NON_EARMARKED", "ARAB_STATES", "USD", "1", "2015-06-01",
                new Entry(2015, "500000.00", "500000.00"), new Entry(2016, "200000.00", "200000.00"));
        events.pay(twoYears, "500000.00", "1", "500000.00", "500000.00", "2016-03-10", 2015);
        events.pay(twoYears, "100000.00", "1", "100000.00", "100000.00", "2016-05-02", 2016);

        Pledge oneOff = events.pledge(TURKIYE, "FOUNDATION_NON_EARMARKED", "NON_EARMARKED", "ARAB_STATES", "USD", "1", "2016-04-01",
                new Entry(2016, "5000000.00", "5000000.00"));
        events.pay(oneOff, "400000.00", "1", "400000.00", "400000.00", "2016-06-01", 2016);
        events.cancel(oneOff, 2, "2016-11-15");

        Pledge corrected = events.pledge(CHINA, "FOUNDATION_EARMARKED", "EARMARKED", "ASIA_PACIFIC", "USD", "1", "2016-02-01",
                new Entry(2016, "1000000.00", "1000000.00"));
        events.correct(corrected, 2, new Entry(2016, "1500000.00", "1500000.00"));

        Pledge online = events.pledge(DONOR, "FOUNDATION_EARMARKED", "EARMARKED", "ARAB_STATES", "USD", "1", "2016-06-20",
                new Entry(2016, "250.00", "250.00"));
        String payment = events.pay(online, "250.00", "1", "250.00", "250.00", "2016-06-20", 2016);
        events.republish(online, UUID.randomUUID().toString(), "org.unhabitat.payment.recorded.v1", payment);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/progress?year=2016")
                .then().statusCode(200).body("totals.receivedUsd", equalTo("1804847.70")).body("totals.pledgedUsd", equalTo("2900250.00"))
                // The target comes on the other topic, whose consumer may lag behind on a loaded machine.
                .body("lines[1].targetUsd", equalTo("10000000.00")));
    }

    @Test
    @Order(1)
    void progressCountsPriorYearMoneyCancellationsAndCorrectionsToTheCent() {
        given().get("/api/v1/progress?year=2016").then().statusCode(200)
                .body("year", equalTo(2016))
                .body("lines.budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("lines[1].targetUsd", equalTo("10000000.00"))
                .body("lines[1].receivedUsd", equalTo("1000000.00"))
                .body("lines[1].priorYearUsd", equalTo("500000.00"))
                .body("lines[1].pledgedUsd", equalTo("600000.00"))
                .body("lines[1].outstandingUsd", equalTo("100000.00"))
                .body("lines[1].achievedPct", equalTo(10.0f))
                .body("lines[2].targetUsd", nullValue())
                .body("lines[2].receivedUsd", equalTo("804847.70"))
                .body("lines[2].pledgedUsd", equalTo("2300250.00"))
                .body("lines[2].outstandingUsd", equalTo("1500000.00"))
                .body("lines[2].achievedPct", nullValue())
                .body("totals.targetUsd", equalTo("10000000.00"))
                .body("totals.receivedUsd", equalTo("1804847.70"))
                .body("totals.priorYearUsd", equalTo("500000.00"))
                .body("totals.outstandingUsd", equalTo("1600000.00"));
    }

    @Test
    @Order(2)
    void asOfCountsOnlyPaymentsReceivedByThatDayAndThePledgeBookAsItThenStood() {
        given().get("/api/v1/progress?year=2016&asOf=2016-05-31").then().statusCode(200)
                .body("asOf", equalTo("2016-05-31"))
                .body("lines[1].receivedUsd", equalTo("600000.00"))
                .body("lines[1].priorYearUsd", equalTo("500000.00"))
                .body("lines[1].pledgedUsd", equalTo("5200000.00"))
                .body("lines[1].outstandingUsd", equalTo("5100000.00"))
                .body("lines[2].receivedUsd", equalTo("0.00"));
    }

    @Test
    @Order(3)
    void regionsShowEachShareOfTheYearsIncome() {
        given().get("/api/v1/regions?year=2016").then().statusCode(200)
                .body("region", contains("AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "GLOBAL", "LATIN_AMERICA_CARIBBEAN", "EUROPE"))
                .body("receivedUsd", contains("0.00", "1000250.00", "0.00", "804597.70", "0.00", "0.00"))
                .body("sharePct", contains(0.0f, 55.4f, 0.0f, 44.6f, 0.0f, 0.0f));
    }

    @Test
    @Order(4)
    void topContributorsAreRankedByIncomeAndIndividualsAreNeverNamed() {
        given().get("/api/v1/top-contributors?year=2016&budgetLine=FOUNDATION_NON_EARMARKED").then().statusCode(200)
                .body("rank", contains(1, 2))
                .body("contributorCode", contains("USA", "TUR"))
                .body("receivedUsd", contains("600000.00", "400000.00"));
        given().get("/api/v1/top-contributors?year=2016").then().statusCode(200)
                .body("contributorCode", contains("SWE", "USA", "TUR", "INDIVIDUAL-DONORS"))
                .body("name[3]", equalTo("Individual donors"))
                .body("findAll { it.name == 'Jane Example' }", hasSize(0));
    }

    @Test
    @Order(5)
    void theMonthlySeriesHasTwelveMonthsAndARunningTotal() {
        given().get("/api/v1/monthly?year=2016").then().statusCode(200)
                .body("month", hasSize(12))
                .body("month[2]", equalTo("2016-03"))
                .body("receivedUsd[2]", equalTo("500000.00"))
                .body("receivedUsd[5]", equalTo("400250.00"))
                .body("cumulativeUsd[5]", equalTo("1000250.00"))
                .body("cumulativeUsd[11]", equalTo("1804847.70"));
        given().get("/api/v1/monthly?year=2016&budgetLine=FOUNDATION_EARMARKED").then().statusCode(200)
                .body("cumulativeUsd[11]", equalTo("804847.70"));
    }

    @Test
    @Order(6)
    void theDonorBaseListsNewCoreDonors() {
        given().get("/api/v1/donor-base?year=2016").then().statusCode(200)
                .body("coreContributors", equalTo(2))
                .body("new", contains("TUR", "USA"))
                .body("resumed", hasSize(0))
                .body("increased", hasSize(0));
    }

    @Test
    @Order(7)
    void indicatorsShareVoluntaryIncomeByEarmarkingAndAgreementLength() {
        given().get("/api/v1/kpis?year=2016").then().statusCode(200)
                .body("voluntaryIncomeUsd", equalTo("1804847.70"))
                .body("coreIncomeUsd", equalTo("1000000.00"))
                .body("coreSharePct", equalTo(55.4f))
                .body("softlyEarmarkedUsd", equalTo("804597.70"))
                .body("softlyEarmarkedSharePct", equalTo(44.6f))
                .body("multiYearUsd", equalTo("600000.00"))
                .body("multiYearSharePct", equalTo(33.2f))
                .body("contributingMemberStates", equalTo(3))
                .body("contributorTypeMix.type", contains("MEMBER_STATE", "INDIVIDUAL"));
    }

    @Test
    @Order(8)
    void theForecastAddsTheLargerOfOutstandingPledgesAndTheRunRate() {
        given().get("/api/v1/forecast?year=2016&asOf=2016-12-31").then().statusCode(200)
                .body("method", org.hamcrest.Matchers.startsWith("forecastUsd = receivedToDateUsd + max("))
                .body("lines[1].receivedToDateUsd", equalTo("1000000.00"))
                .body("lines[1].outstandingDueUsd", equalTo("100000.00"))
                .body("lines[1].runRateUsd", equalTo("0.00"))
                .body("lines[1].forecastUsd", equalTo("1100000.00"))
                .body("lines[1].forecastPct", equalTo(11.0f));
    }

    @Test
    @Order(9)
    void badReportParametersAreProblemsNamingTheParameter() {
        given().get("/api/v1/regions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().get("/api/v1/top-contributors?year=2016&budgetLine=SOMETHING").then().statusCode(400)
                .body("errors[0].field", equalTo("budgetLine"));
        given().get("/api/v1/progress?year=2016&asOf=2016-02-30").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().get("/api/v1/progress?year=2016&plan=2020-2023").then().statusCode(400);
        given().get("/api/v1/top-contributors?year=2016&limit=1000").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/monthly?year=abc").then().statusCode(400).contentType("application/problem+json");
    }
}
