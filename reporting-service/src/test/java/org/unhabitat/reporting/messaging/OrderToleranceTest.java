package org.unhabitat.reporting.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.SuiteInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A replay or a rebalance may apply a pledge's events out of the order they were published in; the
 * figures must come out as if they had arrived in order. Data of 2032.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OrderToleranceTest {

    private static final Contributor NORWAY = new Contributor("NOR", "Norway", "MEMBER_STATE");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aCancellationThatArrivesBeforeItsPledgeIsAppliedOnceThePledgeArrives() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge pledge = new Pledge(UUID.randomUUID(), NORWAY, "FOUNDATION_NON_EARMARKED", "NON_EARMARKED", "EUROPE", "USD", "1",
                "2032-02-01", List.of(new Entry(2032, "500000.00", "500000.00")));
        events.cancel(pledge, 2, "2032-06-30");
        events.record(pledge);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/open-data/pledges.csv?year=2032").then()
                .statusCode(200)
                .body(containsString(pledge.id() + ",2032,NOR,Norway,MEMBER_STATE,FOUNDATION_NON_EARMARKED,NON_EARMARKED,EUROPE,"
                        + "USD,500000.00,1,500000.00,2032-02-01,0.00,0.00,CANCELLED")));
        given().get("/api/v1/progress?year=2032").then().statusCode(200)
                .body("lines[1].pledgedUsd", equalTo("0.00"))
                .body("lines[1].outstandingUsd", equalTo("0.00"));
    }
}
