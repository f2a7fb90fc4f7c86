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
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The producer side of the programme events' contract: what reaches Kafka must equal the fixtures that
 * contributions-service and reporting-service read. The programme is defined through the API with the fixture's
 * values; only the time, which the API answered with, is pinned to the fixture's before comparing.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ProgrammeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "UIF-FEASIBILITY-FUND";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aProgrammeAndItsTargetArePublishedAsTheirFixturesOnceEachAndInOrderUnderTheProgrammeCode() throws IOException {
        JsonNode definition = fixture("programme.defined.v1.json");
        JsonNode target = fixture("programme-target.set.v1.json");
        String body = """
                {"name":"Urban Investment Facility: feasibility fund","kind":"FUND","budgetLine":"FOUNDATION_EARMARKED",
                 "startYear":2021,"endYear":2023}""";
        String definedAt = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/programmes/" + CODE).then().statusCode(201).extract().path("definedAt");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/programmes/" + CODE).then().statusCode(200);
        String setAt = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"3000000\",\"reason\":\"Donors' commitments at the fund's launch\"}")
                .when().put("/api/v1/programmes/" + CODE + "/targets/2022").then().statusCode(201).extract().path("changedAt");

        List<ConsumerRecord<String, String>> published = KafkaRecords.readUntil(bootstrapServers, "targets.events",
                read -> read.stream().anyMatch(ofType(ProgrammeTargetSetV1.TYPE)), Duration.ofSeconds(30)).stream()
                .filter(record -> CODE.equals(record.key())).toList();

        assertEquals(List.of(ProgrammeDefinedV1.TYPE, ProgrammeTargetSetV1.TYPE),
                published.stream().map(record -> KafkaRecords.header(record, "ce_type")).toList(),
                "one definition (the unchanged one published nothing), then the target, both keyed by the code");
        for (ConsumerRecord<String, String> record : published) {
            assertEquals("1.0", KafkaRecords.header(record, "ce_specversion"));
            assertEquals("urn:unhabitat:rm:targets-service", KafkaRecords.header(record, "ce_source"));
            assertEquals(CODE, KafkaRecords.header(record, "ce_subject"));
            assertNotNull(KafkaRecords.header(record, "ce_id"));
        }
        assertEquals(definition, pinned(payload(published.get(0)), "definedAt", definedAt, definition),
                "the published programme.defined.v1 must match the pinned contract exactly");
        assertEquals(target, pinned(payload(published.get(1)), "setAt", setAt, target),
                "the published programme-target.set.v1 must match the pinned contract exactly");
    }

    /** The payload with its time replaced by the fixture's, once it is shown to be the time the API answered with. */
    private static JsonNode pinned(JsonNode published, String timeField, String answeredAt, JsonNode fixture) {
        assertEquals(answeredAt, published.path(timeField).asText(), timeField + " is the time the API answered with");
        ObjectNode pinned = published.deepCopy();
        pinned.set(timeField, fixture.get(timeField));
        return pinned;
    }

    private static Predicate<ConsumerRecord<String, String>> ofType(String type) {
        return record -> CODE.equals(record.key()) && type.equals(KafkaRecords.header(record, "ce_type"));
    }

    private static JsonNode fixture(String name) throws IOException {
        return JSON.readTree(Files.readString(Path.of("src/test/resources/contracts/events/" + name)));
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("Event payload is not JSON: " + record.value(), e);
        }
    }
}
