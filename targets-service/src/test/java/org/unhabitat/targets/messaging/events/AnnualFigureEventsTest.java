package org.unhabitat.targets.messaging.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.targets.messaging.events.ApprovedBudgetSetV1;
import org.unhabitat.targets.messaging.events.TargetSetV1;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The producer side of the event contract: what reaches Kafka must equal the fixtures that reporting-service's
 * tests read. Reference data is pinned field for field (its time is the fixed date of the source report); events
 * made through the API must have exactly the fixture's fields with the fixture's JSON types, and the values sent.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class AnnualFigureEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theReferenceTargetsArePublishedAsCloudEventsKeyedByYearAndLine() {
        List<ConsumerRecord<String, String>> targets = read(event(TargetSetV1.TYPE, "2021:")
                .and(r -> payload(r).get("revision").asInt() == 1), 4);

        // Events of different keys may sit on different partitions, so only each key's own order is defined.
        assertEquals(Map.of("2021:REGULAR_BUDGET", "14500000.00", "2021:FOUNDATION_NON_EARMARKED", "10000000.00",
                        "2021:FOUNDATION_EARMARKED", "43300000.00", "2021:TECHNICAL_COOPERATION", "152600000.00"),
                targets.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> payload(r).get("amountUsd").asText())));
        for (ConsumerRecord<String, String> record : targets) {
            assertEquals("1.0", KafkaRecords.header(record, "ce_specversion"));
            assertEquals("urn:unhabitat:rm:targets-service", KafkaRecords.header(record, "ce_source"));
            assertEquals(record.key(), KafkaRecords.header(record, "ce_subject"));
            assertNotNull(KafkaRecords.header(record, "ce_id"));
            assertNotNull(KafkaRecords.header(record, "ce_time"));
        }
    }

    @Test
    void theReferenceTargetEventEqualsItsContractFixture() throws IOException {
        ConsumerRecord<String, String> published = read(event(TargetSetV1.TYPE, "2021:FOUNDATION_NON_EARMARKED")
                .and(r -> payload(r).get("revision").asInt() == 1), 1).get(0);

        assertEquals(fixture("target.set.v1.json"), payload(published), "the published payload must match the pinned contract exactly");
    }

    @Test
    void theReferenceApprovedBudgetEventEqualsItsContractFixture() throws IOException {
        ConsumerRecord<String, String> published = read(event(ApprovedBudgetSetV1.TYPE, "2022:FOUNDATION_NON_EARMARKED")
                .and(r -> payload(r).get("revision").asInt() == 1), 1).get(0);

        assertEquals("1.0", KafkaRecords.header(published, "ce_specversion"));
        assertEquals(fixture("approved-budget.set.v1.json"), payload(published), "the published payload must match the pinned contract exactly");
    }

    @Test
    void aTargetSetAndRevisedThroughTheApiIsPublishedInTheContractShapeOncePerRealChange() throws IOException {
        String path = "/api/v1/targets/2023/FOUNDATION_NON_EARMARKED";
        String setAt = put(path, "5000000.00", "Target 2023 as proposed to the Board", 201);
        put(path, "5000000", "The same figure again: not a change", 200);
        String revisedAt = put(path, "5500000.00", "Revised after the pledging conference", 200);

        List<JsonNode> payloads = read(event(TargetSetV1.TYPE, "2023:FOUNDATION_NON_EARMARKED"), 2).stream()
                .map(AnnualFigureEventsTest::payload).toList();

        assertEquals(2, payloads.size(), "the unchanged amount published nothing");
        JsonNode contract = fixture("target.set.v1.json");
        assertSameShape(contract, payloads.get(0));
        assertEquals(expected(contract, 2023, "FOUNDATION_NON_EARMARKED", "5000000.00", 1, "setBy", "Target 2023 as proposed to the Board", "setAt", setAt),
                payloads.get(0));
        assertEquals(expected(contract, 2023, "FOUNDATION_NON_EARMARKED", "5500000.00", 2, "setBy", "Revised after the pledging conference", "setAt", revisedAt),
                payloads.get(1));
    }

    @Test
    void anApprovedBudgetRecordedThroughTheApiIsPublishedInTheContractShape() throws IOException {
        String approvedAt = put("/api/v1/approved-budgets/2023/TECHNICAL_COOPERATION", "150000000.00",
                "Approved by the Executive Board, decision 2022/7", 201);

        JsonNode published = payload(read(event(ApprovedBudgetSetV1.TYPE, "2023:TECHNICAL_COOPERATION"), 1).get(0));

        JsonNode contract = fixture("approved-budget.set.v1.json");
        assertSameShape(contract, published);
        assertEquals(expected(contract, 2023, "TECHNICAL_COOPERATION", "150000000.00", 1, "approvedBy", "Approved by the Executive Board, decision 2022/7",
                "approvedAt", approvedAt), published);
    }

    /** Same field names, and each with the same JSON type: what a consumer parsing the fixture relies on. */
    private static void assertSameShape(JsonNode contract, JsonNode published) {
        assertEquals(fieldNames(contract), fieldNames(published));
        contract.fields().forEachRemaining(field ->
                assertEquals(field.getValue().getNodeType(), published.get(field.getKey()).getNodeType(), field.getKey()));
    }

    /** The fixture with every per-event value replaced; the time is the one the API answered with. */
    private static JsonNode expected(JsonNode contract, int year, String budgetLine, String amountUsd, int revision,
                                     String whoField, String reason, String whenField, String when) {
        ObjectNode expected = contract.deepCopy();
        expected.put("year", year);
        expected.put("budgetLine", budgetLine);
        expected.put("amountUsd", amountUsd);
        expected.put("revision", revision);
        expected.put(whoField, "finance-user");
        expected.put("reason", reason);
        expected.put(whenField, when);
        return expected;
    }

    private static String put(String path, String amountUsd, String reason, int status) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"" + amountUsd + "\",\"reason\":\"" + reason + "\"}")
                .when().put(path)
                .then().statusCode(status)
                .extract().path("changedAt");
    }

    /** Delivery is at least once: a relay that retries sends an event again under the same id, which consumers drop. */
    private List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return KafkaRecords.distinctEvents(KafkaRecords.readUntil(bootstrapServers, "targets.events",
                read -> KafkaRecords.distinctEvents(read).stream().filter(wanted).count() >= count, Duration.ofSeconds(30)))
                .stream().filter(wanted).toList();
    }

    private static Predicate<ConsumerRecord<String, String>> event(String type, String keyPrefix) {
        return r -> type.equals(KafkaRecords.header(r, "ce_type")) && r.key() != null && r.key().startsWith(keyPrefix);
    }

    private static JsonNode fixture(String name) throws IOException {
        return JSON.readTree(Files.readString(Path.of("src/test/resources/contracts/events/" + name)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("Event payload is not JSON: " + record.value(), e);
        }
    }
}
