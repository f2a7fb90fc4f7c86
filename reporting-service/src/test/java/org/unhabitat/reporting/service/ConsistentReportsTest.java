package org.unhabitat.reporting.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.SuiteInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ConsistentReportsTest {

    private static final Contributor DENMARK = new Contributor("DNK", "Denmark", "MEMBER_STATE");
    private static final int PAYMENTS = 150;
    /** The readings come as fast as they can: from an address of their own, so that no other test's request budget pays. */
    private static final String OWN_ADDRESS = "198.51.100.34";
    private static final BigDecimal PLEDGED = new BigDecimal("1000000.00");
    private static final BigDecimal ALL_PAYMENTS = new BigDecimal("150000.00");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * A payment moves received and outstanding in one transaction, so every reading of a fully pledged
     * line must show received + outstanding = pledged, however many payments arrive while it is read.
     * Data of 2034.
     */
    @Test
    void progressReadWhilePaymentsArriveAlwaysShowsOneMoment() throws Exception {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge pledge = events.pledge(DENMARK, "TECHNICAL_COOPERATION", "EARMARKED", "AFRICA", "USD", "1", "2034-01-10",
                new Entry(2034, "1000000.00", "1000000.00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=2034").then()
                .statusCode(200).body("lines[3].pledgedUsd", equalTo("1000000.00")));

        CompletableFuture<Void> payments = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < PAYMENTS; i++) {
                events.pay(pledge, "1000.00", "1", "1000.00", "1000.00", "2034-03-01", 2034);
            }
        });
        List<String> torn = new ArrayList<>();
        int readings = 0;
        BigDecimal received;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        do {
            JsonPath progress = given().header("X-Forwarded-For", OWN_ADDRESS).get("/api/v1/progress?year=2034").then()
                    .statusCode(200).extract().jsonPath();
            readings++;
            received = new BigDecimal(progress.getString("lines[3].receivedUsd"));
            BigDecimal outstanding = new BigDecimal(progress.getString("lines[3].outstandingUsd"));
            if (received.add(outstanding).compareTo(PLEDGED) != 0) {
                torn.add("received " + received + " + outstanding " + outstanding);
            }
        } while ((!payments.isDone() || received.compareTo(ALL_PAYMENTS) < 0) && Instant.now().isBefore(deadline));
        payments.get();
        assertEquals(ALL_PAYMENTS, received, "every payment applied");
        assertEquals(List.of(), torn, "readings that mixed two moments, of " + readings);
    }

    /** The totals compare the income of the lines that have a target with those targets. Data of 2035. */
    @Test
    void theTotalsAchievedPercentageLeavesOutIncomeOfLinesWithoutATarget() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        events.target(2035, "FOUNDATION_NON_EARMARKED", "1000000.00");
        Pledge core = events.pledge(DENMARK, "FOUNDATION_NON_EARMARKED", "NON_EARMARKED", "GLOBAL", "USD", "1", "2035-01-10",
                new Entry(2035, "250000.00", "250000.00"));
        events.pay(core, "250000.00", "1", "250000.00", "250000.00", "2035-02-01", 2035);
        Pledge earmarked = events.pledge(DENMARK, "FOUNDATION_EARMARKED", "EARMARKED", "AFRICA", "USD", "1", "2035-01-10",
                new Entry(2035, "750000.00", "750000.00"));
        events.pay(earmarked, "750000.00", "1", "750000.00", "750000.00", "2035-02-01", 2035);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=2035").then()
                .statusCode(200)
                .body("lines[1].targetUsd", equalTo("1000000.00"))
                .body("totals.receivedUsd", equalTo("1000000.00")));
        given().get("/api/v1/progress?year=2035").then()
                .body("lines[1].achievedPct", equalTo(25.0f))
                .body("totals.targetUsd", equalTo("1000000.00"))
                .body("totals.achievedPct", equalTo(25.0f));
    }

}
