package org.unhabitat.targets.messaging.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.targets.messaging.events.PlanLineDefinedV1;
import org.unhabitat.testing.KafkaRecords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class PlanEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theReferencePlanIsPublishedAsOneCloudEventPerLineKeyedByPlanId() throws Exception {
        // Other tests define later plans: only the reference plan's events are counted here.
        Predicate<ConsumerRecord<String, String>> referencePlanLine = r -> "2020-2023".equals(r.key())
                && PlanLineDefinedV1.TYPE.equals(KafkaRecords.header(r, "ce_type"));
        // Delivery is at least once: an event sent again by a retrying relay keeps its id, and consumers drop it.
        List<ConsumerRecord<String, String>> records = KafkaRecords.distinctEvents(KafkaRecords.readUntil(bootstrapServers,
                "targets.events", read -> KafkaRecords.distinctEvents(read).stream().filter(referencePlanLine).count() >= 4,
                Duration.ofSeconds(30)));
        List<ConsumerRecord<String, String>> planLines = records.stream().filter(referencePlanLine).toList();

        assertEquals(4, planLines.size());
        ObjectMapper mapper = new ObjectMapper();
        List<String> amounts = planLines.stream().map(r -> readTree(mapper, r.value()).get("amountUsd").asText()).toList();
        assertEquals(List.of("60000000.00", "41000000.00", "262000000.00", "607000000.00"), amounts);
        for (ConsumerRecord<String, String> record : planLines) {
            assertEquals("2020-2023", record.key());
            assertEquals("1.0", KafkaRecords.header(record, "ce_specversion"));
            assertEquals("urn:unhabitat:rm:targets-service", KafkaRecords.header(record, "ce_source"));
            assertNotNull(KafkaRecords.header(record, "ce_id"));
            assertNotNull(KafkaRecords.header(record, "ce_time"));
        }

        JsonNode contract = mapper.readTree(Files.readString(Path.of("src/test/resources/contracts/events/plan.line-defined.v1.json")));
        JsonNode published = mapper.readTree(planLines.get(1).value());
        assertEquals(contract, published, "the published payload must match the pinned contract exactly");
    }

    private static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("Event payload is not JSON: " + json, e);
        }
    }
}
