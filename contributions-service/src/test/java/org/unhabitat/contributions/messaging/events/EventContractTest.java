package org.unhabitat.contributions.messaging.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer side of the contract with reporting-service: what is actually published to Kafka must
 * equal the fixture in src/test/resources/contracts/events, which reporting-service's tests read too.
 * Only generated values (ids and instants) are pinned to the fixture's before comparing.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class EventContractTest {

    private static final String TOPIC = "contributions.events";
    private final ObjectMapper mapper = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void contributorRegisteredMatchesItsContract() throws Exception {
        Given.contributor("ADAPTATION-FUND", "Adaptation Fund", "MULTILATERAL_FUND");
        JsonNode published = publishedPayload("org.unhabitat.contributor.registered.v1", "ADAPTATION-FUND");
        assertMatchesContract("contributor.registered.v1.json", published, "registeredAt");
    }

    @Test
    void exchangeRateSetMatchesItsContract() throws Exception {
        Given.rate("SEK", "2021-09", "8.75");
        JsonNode published = publishedPayload("org.unhabitat.exchange-rate.set.v1", "SEK:2021-09");
        assertMatchesContract("exchange-rate.set.v1.json", published, "setAt");
    }

    @Test
    void pledgeRecordedMatchesItsContract() throws Exception {
        String pledge = Given.swedenSek7Million("SE-2021-001");
        JsonNode published = publishedPayload("org.unhabitat.pledge.recorded.v1", pledge);
        assertMatchesContract("pledge.recorded.v1.json", published, "pledgeId", "recordedAt");
    }

    @Test
    void pledgeCorrectedMatchesItsContract() throws Exception {
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        String pledge = Given.pledge("""
                {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"20800000","pledgedOn":"2021-12-15",
                 "schedule":[{"year":2022,"amount":"10400000"},{"year":2023,"amount":"10400000"}],
                 "reference":"SIDA-PCA-2022-2023"}""");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"20800000","schedule":[{"year":2022,"amount":"10000000"},{"year":2023,"amount":"10800000"}],
                         "reason":"Agreement amended: part of the 2022 tranche moved to 2023"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections").then().statusCode(200);

        JsonNode published = publishedPayload("org.unhabitat.pledge.corrected.v1", pledge);
        assertMatchesContract("pledge.corrected.v1.json", published, "pledgeId", "recordedAt", "correctedAt");
    }

    @Test
    void paymentRecordedMatchesItsContract() throws Exception {
        String pledge = Given.swedenSek7Million("SE-2021-002");
        Given.rate("SEK", "2021-12", "9.05");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"7000000","currency":"SEK","receivedOn":"2021-12-10","forYear":2021}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments").then().statusCode(201);

        JsonNode published = publishedPayload("org.unhabitat.payment.recorded.v1", pledge);
        assertMatchesContract("payment.recorded.v1.json", published, "paymentId", "pledgeId", "recordedAt");
    }

    @Test
    void pledgeCancelledMatchesItsContract() throws Exception {
        Given.contributor("KUWAIT-FUND", "Kuwait Fund for Arab Economic Development", "DEVELOPMENT_BANK");
        Given.rate("KWD", "2021-06", "0.301");
        String pledge = Given.pledge("""
                {"contributorCode":"KUWAIT-FUND","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                 "region":"ARAB_STATES","currency":"KWD","amount":"150000","pledgedOn":"2021-06-01","reference":"KFAED-2021-07"}""");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"50000","currency":"KWD","receivedOn":"2021-06-20"}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments").then().statusCode(201);
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"reason":"Project scope reduced","cancelledOn":"2021-11-30"}""")
                .when().post("/api/v1/pledges/" + pledge + "/cancellation").then().statusCode(200);

        JsonNode published = publishedPayload("org.unhabitat.pledge.cancelled.v1", pledge);
        assertMatchesContract("pledge.cancelled.v1.json", published, "pledgeId", "cancelledAt");
    }

    /** The first event of that type and key, checked as a binary-mode CloudEvent keyed by its aggregate. */
    private JsonNode publishedPayload(String type, String key) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrapServers, TOPIC,
                read -> read.stream().anyMatch(r -> matches(r, type, key)), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> matching = records.stream().filter(r -> matches(r, type, key)).toList();
        assertFalse(matching.isEmpty(), "no " + type + " with key " + key + " was published");
        ConsumerRecord<String, String> record = matching.get(0);
        assertEquals("1.0", KafkaRecords.header(record, "ce_specversion"));
        assertEquals("urn:unhabitat:rm:contributions-service", KafkaRecords.header(record, "ce_source"));
        assertNotNull(KafkaRecords.header(record, "ce_id"));
        return mapper.readTree(record.value());
    }

    private static boolean matches(ConsumerRecord<String, String> record, String type, String key) {
        return type.equals(KafkaRecords.header(record, "ce_type")) && key.equals(record.key());
    }

    /**
     * Compares the whole payload after pinning the named generated fields to the fixture's values;
     * those must still have the fixture's format: a UUID, or an ISO-8601 instant in UTC.
     */
    private void assertMatchesContract(String fixture, JsonNode published, String... generatedFields) throws Exception {
        JsonNode contract = mapper.readTree(Files.readString(Path.of("src/test/resources/contracts/events", fixture)));
        ObjectNode pinned = published.deepCopy();
        for (String field : generatedFields) {
            String value = published.path(field).asText();
            if (field.endsWith("Id")) {
                assertEquals(value, UUID.fromString(value).toString(), field + " must be a UUID");
            } else {
                assertTrue(value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"), field + " must be an instant in UTC: " + value);
            }
            pinned.set(field, contract.get(field));
        }
        assertEquals(contract, pinned, "the published " + fixture + " must match the pinned contract exactly");
    }
}
