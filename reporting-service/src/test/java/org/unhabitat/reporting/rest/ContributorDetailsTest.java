package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.testing.SuiteInfrastructure;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A contributor's name and type come from its own events, the newest winning, and never from the copy
 * that pledge and payment events carry: a copy may be older than a re-typing, and a donor re-typed as an
 * individual must never be published by name. Until the contributor's own event has arrived, its money
 * shows without a name. Each test has a budget line of 2033 to itself.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ContributorDetailsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDonorRetypedAsAnIndividualStaysAnonymousWhateverAnOlderCopyOnALaterPaymentSays() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Contributor asFirstRegistered = new Contributor("RETYPED-2033", "Helen Example Trust", "FOUNDATION");
        events.register(asFirstRegistered);
        events.register(new Contributor("RETYPED-2033", "Helen Example", "INDIVIDUAL"));
        events.payment(UUID.randomUUID(), asFirstRegistered, "FOUNDATION_EARMARKED", "EUROPE", "USD", "700.00", "1", "2033-04-01", 2033);

        String topContributors = "/api/v1/top-contributors?year=2033&budgetLine=FOUNDATION_EARMARKED";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(topContributors).then().statusCode(200)
                .body("contributorCode", hasItem("INDIVIDUAL-DONORS")));
        given().get(topContributors).then()
                .body("contributorCode", not(hasItem("RETYPED-2033")))
                .body("find { it.contributorCode == 'INDIVIDUAL-DONORS' }.receivedUsd", equalTo("700.00"));
        given().get("/api/v1/open-data/pledges.csv?year=2033").then().body(not(org.hamcrest.Matchers.containsString("Helen")));
    }

    @Test
    void moneyOfAContributorNotYetRegisteredShowsWithoutTheNameItsPaymentCarries() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Contributor copy = new Contributor("UNREGISTERED-2033", "Name From A Copy", "FOUNDATION");
        events.payment(UUID.randomUUID(), copy, "TECHNICAL_COOPERATION", "AFRICA", "USD", "900.00", "1", "2033-05-01", 2033);

        String topContributors = "/api/v1/top-contributors?year=2033&budgetLine=TECHNICAL_COOPERATION";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=2033").then().statusCode(200)
                .body("lines[3].receivedUsd", equalTo("900.00")));
        given().get(topContributors).then().statusCode(200)
                .body("contributorCode", not(hasItem("UNREGISTERED-2033")))
                .body("name", not(hasItem("Name From A Copy")));

        events.register(new Contributor("UNREGISTERED-2033", "Registered Fund", "FOUNDATION"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(topContributors).then().statusCode(200)
                .body("find { it.contributorCode == 'UNREGISTERED-2033' }.name", equalTo("Registered Fund"))
                .body("find { it.contributorCode == 'UNREGISTERED-2033' }.receivedUsd", equalTo("900.00")));
    }
}
