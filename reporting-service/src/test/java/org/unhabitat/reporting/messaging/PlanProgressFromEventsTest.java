package org.unhabitat.reporting.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PlanProgressFromEventsTest {

    /** The producer's pinned contract: if targets-service changes the event's shape, this test breaks. */
    private static final Path PRODUCER_CONTRACT =
            Path.of("../targets-service/src/test/resources/contracts/events/plan.line-defined.v1.json");
    private static final String TYPE = "org.unhabitat.plan.line-defined.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void thePlanProgressShowsEachEnvelopeAnnouncedByTargetsServiceWithNothingReceivedYet() throws IOException {
        String contract = Files.readString(PRODUCER_CONTRACT);
        publishLine("2020-2023", contract.replace("FOUNDATION_NON_EARMARKED", "REGULAR_BUDGET").replace("41000000.00", "60000000.00"));
        publishLine("2020-2023", contract);
        publishLine("2020-2023", contract.replace("FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED").replace("41000000.00", "262000000.00"));
        publishLine("2020-2023", contract.replace("FOUNDATION_NON_EARMARKED", "TECHNICAL_COOPERATION").replace("41000000.00", "607000000.00"));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().when().get("/api/v1/progress?plan=2020-2023")
                .then().statusCode(200)
                .body("plan", equalTo("2020-2023"))
                .body("lines.budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("lines.targetUsd", contains("60000000.00", "41000000.00", "262000000.00", "607000000.00"))
                .body("lines.receivedUsd", contains("0.00", "0.00", "0.00", "0.00"))
                .body("lines.achievedPct", contains(0.0f, 0.0f, 0.0f, 0.0f))
                .body("totals.targetUsd", equalTo("970000000.00"))
                .body("totals.receivedUsd", equalTo("0.00"))
                .body("totals.budgetLine", nullValue()));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws IOException {
        String contract = Files.readString(PRODUCER_CONTRACT).replace("2020-2023", "2024-2025")
                .replace("\"startYear\": 2020", "\"startYear\": 2024").replace("\"endYear\": 2023", "\"endYear\": 2025");
        String eventId = UUID.randomUUID().toString();
        KafkaRecords.publish(bootstrapServers, "targets.events", "2024-2025", eventId, TYPE, contract);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/progress?plan=2024-2025")
                .then().statusCode(200).body("lines[1].targetUsd", equalTo("41000000.00")));

        KafkaRecords.publish(bootstrapServers, "targets.events", "2024-2025", eventId, TYPE, contract.replace("41000000.00", "99000000.00"));
        String marker = UUID.randomUUID().toString();
        KafkaRecords.publish(bootstrapServers, "targets.events", "2024-2025", marker, TYPE,
                contract.replace("FOUNDATION_NON_EARMARKED", "REGULAR_BUDGET").replace("41000000.00", "1.00"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/progress?plan=2024-2025")
                .then().statusCode(200).body("lines[0].targetUsd", equalTo("1.00")));

        given().get("/api/v1/progress?plan=2024-2025").then().body("lines[1].targetUsd", equalTo("41000000.00"));
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheirReasonAndConsumptionGoesOn() throws IOException {
        String contract = Files.readString(PRODUCER_CONTRACT).replace("2020-2023", "2026-2029");
        String malformed = UUID.randomUUID().toString();
        String unknownVersion = UUID.randomUUID().toString();
        KafkaRecords.publish(bootstrapServers, "targets.events", "2026-2029", malformed, TYPE, "{\"planId\": \"2026-2029\", \"amountUsd\": ");
        KafkaRecords.publish(bootstrapServers, "targets.events", "2026-2029", unknownVersion, "org.unhabitat.plan.line-defined.v9", contract);
        KafkaRecords.publish(bootstrapServers, "targets.events", "2026-2029", UUID.randomUUID().toString(), TYPE, contract);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/progress?plan=2026-2029")
                .then().statusCode(200).body("lines[1].targetUsd", equalTo("41000000.00")));
        List<String> ours = List.of(malformed, unknownVersion);
        List<ConsumerRecord<String, String>> dead = KafkaRecords.readUntil(bootstrapServers, "reporting.dead-letter",
                        read -> read.stream().filter(r -> ours.contains(KafkaRecords.header(r, "ce_id"))).count() >= 2,
                        Duration.ofSeconds(90)).stream()
                .filter(r -> ours.contains(KafkaRecords.header(r, "ce_id"))).toList();
        assertEquals(ours, dead.stream().map(r -> KafkaRecords.header(r, "ce_id")).toList());
        assertEquals("Unknown event type org.unhabitat.plan.line-defined.v9", KafkaRecords.header(dead.get(1), "dead-letter-reason"));
    }

    @Test
    void anUnknownPlanIsANotFoundProblem() {
        given().get("/api/v1/progress?plan=1990-1993")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("No plan with id 1990-1993"));
    }

    private void publishLine(String key, String payload) {
        KafkaRecords.publish(bootstrapServers, "targets.events", key, UUID.randomUUID().toString(), TYPE, payload);
    }
}
