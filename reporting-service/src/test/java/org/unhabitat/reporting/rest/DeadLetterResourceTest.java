package org.unhabitat.reporting.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.reporting.messaging.ConsumersReadiness;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dead-letter list and redrive. A valid event that cannot be applied is played by a payment that a
 * check constraint, standing in for a bug, refuses; dropping the constraint is the fix. Data of 2038.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class DeadLetterResourceTest {

    private static final String LIST = "/api/v1/admin/dead-letters";
    private static final Contributor FUND = new Contributor("DEAD-LETTER-FUND", "Dead Letter Test Fund", "FOUNDATION");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Readiness
    ConsumersReadiness readiness;

    @Test
    void aValidEventThatCannotBeAppliedIsParkedListedCountedShownInReadinessAndCountsInReportsOnceRedriven() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        execute("ALTER TABLE payment ADD CONSTRAINT stands_in_for_a_bug CHECK (usd_amount <> 4242.42)");
        try {
            Pledge pledge = events.pledge(FUND, "FOUNDATION_EARMARKED", "EARMARKED", "AFRICA", "USD", "1", "2038-01-10",
                    new Entry(2038, "10000.00", "10000.00"));
            events.pay(pledge, "1000.00", "1", "1000.00", "1000.00", "2038-02-01", 2038);
            events.pay(pledge, "4242.42", "1", "4242.42", "4242.42", "2038-02-02", 2038);
            events.pay(pledge, "500.00", "1", "500.00", "500.00", "2038-02-03", 2038);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=2038").then()
                    .statusCode(200).body("lines[2].receivedUsd", equalTo("1500.00")));
            Map<String, Object> parked = parkedPayment();
            assertEquals("org.unhabitat.payment.recorded.v1", parked.get("type"));
            assertTrue(((String) parked.get("reason")).startsWith("The database refused it (SQLSTATE 23514)"), parked.toString());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertTrue(metrics.get("reporting.dead.letters").tag("kind", "parked").gauge().value() >= 1);
                HealthCheckResponse health = readiness.call();
                assertEquals(HealthCheckResponse.Status.UP, health.getStatus(), "a parked event does not take the instance out");
                assertTrue((Long) health.getData().orElseThrow().get("parkedEvents") >= 1, health.getData().toString());
            });
            given().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/2012-05").then().statusCode(409)
                    .body("detail", containsString("parked"));

            String id = (String) parked.get("id");
            given().auth().oauth2(TestTokens.admin()).post(LIST + "/" + id + "/redrive").then().statusCode(200)
                    .body("redriven", equalTo(0)).body("stillFailing", equalTo(1));
            assertEquals(2, parkedPayment().get("attempts"), "still listed, with one more attempt");

            execute("ALTER TABLE payment DROP CONSTRAINT stands_in_for_a_bug");
            long rejectedByTheContracts = allEntries().stream().filter(entry -> "REJECTED".equals(entry.get("kind"))).count();
            given().auth().oauth2(TestTokens.admin()).post(LIST + "/redrive").then().statusCode(200)
                    .body("redriven", greaterThanOrEqualTo(1)).body("stillFailing", equalTo((int) rejectedByTheContracts));
            given().get("/api/v1/progress?year=2038").then().statusCode(200)
                    .body("lines[2].receivedUsd", equalTo("5742.42"))
                    .body("lines[2].outstandingUsd", equalTo("4257.58"));
            given().auth().oauth2(TestTokens.admin()).get(LIST + "?limit=500").then().statusCode(200)
                    .body("items.findAll { it.id == '" + id + "' }.size()", equalTo(0));
            given().auth().oauth2(TestTokens.admin()).post(LIST + "/" + id + "/redrive").then().statusCode(404)
                    .contentType("application/problem+json");
        } finally {
            execute("ALTER TABLE payment DROP CONSTRAINT IF EXISTS stands_in_for_a_bug");
        }
    }

    @Test
    void aRecordTheContractsRejectIsListedOnceAndCanBeDiscardedOnlyWithAReason() {
        String key = "discard-" + UUID.randomUUID();
        KafkaRecords.publish(bootstrapServers, "targets.events", key, UUID.randomUUID().toString(),
                "org.unhabitat.target.set.v7", "{\"year\": 2038}");
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> allEntries().stream()
                .filter(entry -> "org.unhabitat.target.set.v7".equals(entry.get("type")) && "REJECTED".equals(entry.get("kind")))
                .map(entry -> (String) entry.get("id")).findFirst().orElse(null), found -> found != null);
        assertTrue(id.startsWith("targets.events-"), id);

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{}").delete(LIST + "/" + id).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TestTokens.admin()).post(LIST + "/" + id + "/redrive").then().statusCode(200)
                .body("redriven", equalTo(0)).body("stillFailing", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"reason\":\"a test event\"}")
                .delete(LIST + "/" + id).then().statusCode(204);
        assertTrue(allEntries().stream().noneMatch(entry -> id.equals(entry.get("id"))), "a discarded entry leaves the list");
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"reason\":\"again\"}")
                .delete(LIST + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals("discarded by admin-user: a test event", QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT 'discarded by ' || discarded_by || ': ' || discard_reason FROM dead_letter WHERE id = :id")
                .setParameter("id", id).getSingleResult()), "kept for the record");
    }

    @Test
    void pagesFollowTheCursorAndOnlyAnAdminMayListRedriveOrDiscard() {
        List<Map<String, Object>> all = allEntries();
        JsonPath first = given().auth().oauth2(TestTokens.admin()).get(LIST + "?limit=1").then().statusCode(200).extract().jsonPath();
        if (all.size() > 1) {
            String next = first.getString("next");
            given().auth().oauth2(TestTokens.admin()).get(LIST + "?limit=1&cursor=" + next).then().statusCode(200)
                    .body("items[0].id", equalTo(all.get(1).get("id")));
        }
        given().auth().oauth2(TestTokens.admin()).get(LIST + "?cursor=not-a-cursor").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.admin()).get(LIST + "?limit=501").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get(LIST).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.finance()).get(LIST).then().statusCode(403);
        given().auth().oauth2(TestTokens.finance()).post(LIST + "/redrive").then().statusCode(403);
        given().auth().oauth2(TestTokens.finance()).contentType("application/json").body("{\"reason\":\"x\"}")
                .delete(LIST + "/targets.events-0-0").then().statusCode(403);
    }

    @Test
    void anIdThatCannotNameARecordIsNotFoundNeverAServerError() {
        for (String id : List.of("A%00", "contributions.events-0", "contributions.events-x-1", "%0A-0-0")) {
            given().urlEncodingEnabled(false).auth().oauth2(TestTokens.admin()).post(LIST + "/" + id + "/redrive").then()
                    .statusCode(404).contentType("application/problem+json");
            given().urlEncodingEnabled(false).auth().oauth2(TestTokens.admin()).contentType("application/json")
                    .body("{\"reason\":\"x\"}").delete(LIST + "/" + id).then()
                    .statusCode(404).contentType("application/problem+json");
        }
    }

    private Map<String, Object> parkedPayment() {
        return allEntries().stream()
                .filter(entry -> "PARKED".equals(entry.get("kind")) && "org.unhabitat.payment.recorded.v1".equals(entry.get("type")))
                .findFirst().orElseThrow(() -> new AssertionError("no parked payment in " + allEntries()));
    }

    private List<Map<String, Object>> allEntries() {
        return given().auth().oauth2(TestTokens.admin()).get(LIST + "?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }
}
