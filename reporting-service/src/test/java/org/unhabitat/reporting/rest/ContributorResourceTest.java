package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.reporting.ContributionEvents.Purpose;
import org.unhabitat.testing.SuiteInfrastructure;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The public contributor list and statements, from pooled funds of these tests' own (the only ones of
 * their type) and an individual, with money in 2049 and 2050 that no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ContributorResourceTest {

    private static final Contributor FUND_A = new Contributor("STMT-FUND-A", "Pooled Fund A", "POOLED_FUND");
    private static final Contributor FUND_B = new Contributor("STMT-FUND-B", "Pooled Fund B", "POOLED_FUND");
    private static final Contributor PERSON = new Contributor("STMT-PERSON", "John Statement", "INDIVIDUAL");
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void publishTheEventsOnce() {
        if (published) {
            return;
        }
        published = true;
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Purpose direct = new Purpose(null, "DIRECT", "GRANT");
        // USD 600 for 2049 (paid in May) and 400 for 2050 to Foundation earmarked; USD 300 for 2049 to technical cooperation.
        Pledge earmarked = events.pledgeV2(FUND_A, "FOUNDATION_EARMARKED", "EARMARKED", "GLOBAL", direct, "USD", "1", "2049-01-10",
                new Entry(2049, "600.00", "600.00"), new Entry(2050, "400.00", "400.00"));
        events.payV2(earmarked, direct, "600.00", "2049-05-05", 2049);
        events.pledgeV2(FUND_A, "TECHNICAL_COOPERATION", "EARMARKED", "AFRICA", direct, "USD", "1", "2049-02-10",
                new Entry(2049, "300.00", "300.00"));
        events.pledgeV2(FUND_B, "TECHNICAL_COOPERATION", "EARMARKED", "AFRICA", direct, "USD", "1", "2049-02-10",
                new Entry(2049, "100.00", "100.00"));
        Pledge gift = events.pledgeV2(PERSON, "FOUNDATION_EARMARKED", "EARMARKED", "GLOBAL", new Purpose(null, "ONLINE_GIVING", "GRANT"),
                "USD", "1", "2049-03-01", new Entry(2049, "50.00", "50.00"));
        events.payV2(gift, new Purpose(null, "ONLINE_GIVING", "GRANT"), "50.00", "2049-03-01", 2049);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/flows?year=2049").then().statusCode(200)
                .body("totals.pledgedUsd", equalTo("1050.00"))
                .body("totals.receivedUsd", equalTo("650.00")));
    }

    @Test
    void aPartnersStatementGivesEachYearAndLineToTheCent() {
        given().get("/api/v1/contributors/STMT-FUND-A/statement").then().statusCode(200)
                .body("contributor.code", equalTo("STMT-FUND-A"))
                .body("contributor.name", equalTo("Pooled Fund A"))
                .body("contributor.type", equalTo("POOLED_FUND"))
                .body("years.year", equalTo(List.of(2049, 2050)))
                .body("years[0].pledgedUsd", equalTo("900.00"))
                .body("years[0].receivedUsd", equalTo("600.00"))
                .body("years[0].outstandingUsd", equalTo("300.00"))
                .body("years[0].lines.budgetLine", equalTo(List.of("FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION")))
                .body("years[0].lines[0].outstandingUsd", equalTo("0.00"))
                .body("years[0].lines[1].pledgedUsd", equalTo("300.00"))
                .body("years[0].lines[1].receivedUsd", equalTo("0.00"))
                .body("years[1].pledgedUsd", equalTo("400.00"))
                .body("years[1].outstandingUsd", equalTo("400.00"));
        given().get("/api/v1/contributors/STMT-FUND-A/statement?fromYear=2050&toYear=2050").then().statusCode(200)
                .body("years.year", equalTo(List.of(2050)));
    }

    @Test
    void anIndividualHasNoStatementAndIsNotListed() {
        given().get("/api/v1/contributors/STMT-PERSON/statement").then().statusCode(404)
                .contentType("application/problem+json").body(not(containsString("John")));
        given().get("/api/v1/contributors?type=INDIVIDUAL").then().statusCode(200).body("items.size()", equalTo(0));
        given().get("/api/v1/contributors?limit=500").then().statusCode(200)
                .body(not(containsString("John Statement")))
                .body(not(containsString("STMT-PERSON")));
    }

    @Test
    void theListPagesByCodeWithACursor() {
        String next = given().get("/api/v1/contributors?type=POOLED_FUND&limit=1").then().statusCode(200)
                .body("items.code", equalTo(List.of("STMT-FUND-A")))
                .body("items[0].name", equalTo("Pooled Fund A"))
                .body("next", notNullValue())
                .extract().path("next");
        given().queryParam("cursor", next).get("/api/v1/contributors?type=POOLED_FUND&limit=1").then().statusCode(200)
                .body("items.code", equalTo(List.of("STMT-FUND-B")))
                .body("next", nullValue());
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().get("/api/v1/contributors?type=ALIEN").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().get("/api/v1/contributors?cursor=bm9wZQ").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().get("/api/v1/contributors/STMT-FUND-A/statement?fromYear=2050&toYear=2049").then().statusCode(400)
                .body("errors[0].field", equalTo("toYear"));
        given().get("/api/v1/contributors/NO-SUCH-PARTNER/statement").then().statusCode(404);
    }
}
