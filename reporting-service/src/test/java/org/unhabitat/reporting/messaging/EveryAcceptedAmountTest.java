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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The read model holds every amount contributions-service accepts: USD up to NUMERIC(19,2), and
 * original amounts at their currency's ISO 4217 minor unit, up to four decimals (CLF). Data of 2031.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class EveryAcceptedAmountTest {

    private static final Contributor BANK = new Contributor("AMOUNTS-BANK-2031", "Amounts Development Bank", "DEVELOPMENT_BANK");
    private static final Contributor CHILE = new Contributor("CHL", "Chile", "MEMBER_STATE");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aTwentyTrillionDollarPledgePaidInFullShowsInProgressToTheCent() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge pledge = events.pledge(BANK, "TECHNICAL_COOPERATION", "EARMARKED", "AFRICA", "USD", "1", "2031-01-15",
                new Entry(2031, "20000000000000.00", "20000000000000.00"));
        events.pay(pledge, "20000000000000.00", "1", "20000000000000.00", "20000000000000.00", "2031-02-01", 2031);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=2031").then()
                .statusCode(200)
                .body("lines[3].receivedUsd", equalTo("20000000000000.00"))
                .body("lines[3].pledgedUsd", equalTo("20000000000000.00"))
                .body("lines[3].outstandingUsd", equalTo("0.00")));
    }

    @Test
    void aPledgeInUnidadesDeFomentoKeepsItsFourDecimalsInTheOpenData() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge pledge = events.pledge(CHILE, "FOUNDATION_EARMARKED", "SOFTLY_EARMARKED", "LATIN_AMERICA_CARIBBEAN", "CLF",
                "0.0254", "2031-03-10", new Entry(2031, "1000.1234", "39374.94"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/open-data/pledges.csv?year=2031").then()
                .statusCode(200)
                .body(containsString(pledge.id() + ",2031,CHL,Chile,MEMBER_STATE,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,"
                        + "LATIN_AMERICA_CARIBBEAN,CLF,1000.1234,0.0254,39374.94,2031-03-10,0.00,39374.94,PLEDGED")));
    }
}
