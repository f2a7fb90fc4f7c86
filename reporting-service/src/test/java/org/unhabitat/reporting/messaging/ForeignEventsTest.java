package org.unhabitat.reporting.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the service that owns a topic may write to it: a payment from any other source, or a target on
 * the contributions topic, is dead-lettered with its reason and changes no report. Data of 2046.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ForeignEventsTest {

    private static final Contributor FUND = new Contributor("FOREIGN-EVENTS-FUND", "Foreign Events Test Fund", "FOUNDATION");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPaymentFromAForeignSourceIsDeadLetteredWithItsReasonAndChangesNoReport() {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge pledge = events.pledge(FUND, "FOUNDATION_EARMARKED", "EARMARKED", "AFRICA", "USD", "1", "2046-01-10",
                new Entry(2046, "10000.00", "10000.00"));
        events.pay(pledge, "1000.00", "1", "1000.00", "1000.00", "2046-02-01", 2046);
        events.payAs("urn:intruder", pledge, "5000000.00", "1", "5000000.00", "5000000.00", "2046-02-02", 2046);
        // The same key, so the same partition: once this marker counts, the intruder's payment before it was read.
        events.pay(pledge, "1.00", "1", "1.00", "1.00", "2046-02-03", 2046);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=2046").then()
                .statusCode(200).body("lines[2].receivedUsd", equalTo("1001.00")).body("lines[2].outstandingUsd", equalTo("8999.00")));
        Map<String, Object> refused = rejected("org.unhabitat.payment.recorded.v1", "contributions.events");
        assertTrue(((String) refused.get("reason")).contains("Its source urn:intruder may not write to contributions.events"),
                refused.toString());
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/" + refused.get("id") + "/redrive").then()
                .statusCode(200).body("redriven", equalTo(0)).body("stillFailing", equalTo(1));
        given().get("/api/v1/progress?year=2046").then().statusCode(200).body("lines[2].receivedUsd", equalTo("1001.00"));
    }

    @Test
    void aTargetWrittenToTheContributionsTopicIsDeadLetteredAndSetsNoTarget() {
        KafkaRecords.publish(bootstrapServers, "contributions.events", "2046:REGULAR_BUDGET", UUID.randomUUID().toString(),
                "org.unhabitat.target.set.v1", """
                        {"year":2046,"budgetLine":"REGULAR_BUDGET","amountUsd":"99000000.00","revision":1,"setBy":"finance",
                         "reason":"internal note","setAt":"2046-01-05T00:00:00Z"}""");

        Map<String, Object> refused = await().atMost(Duration.ofSeconds(60)).until(
                () -> find("org.unhabitat.target.set.v1", "contributions.events"), found -> found != null);
        assertEquals("REJECTED", refused.get("kind"));
        assertTrue(((String) refused.get("reason")).contains("does not belong on contributions.events"), refused.toString());
        given().get("/api/v1/progress?year=2046").then().statusCode(200).body("lines[0].targetUsd", nullValue());
    }

    private Map<String, Object> rejected(String type, String topic) {
        Map<String, Object> entry = find(type, topic);
        assertTrue(entry != null, "no " + type + " from " + topic + " in the dead-letter list");
        assertEquals("REJECTED", entry.get("kind"));
        return entry;
    }

    private Map<String, Object> find(String type, String topic) {
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/dead-letters?limit=500").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> type.equals(item.get("type")) && topic.equals(item.get("topic"))).findFirst().orElse(null);
    }
}
