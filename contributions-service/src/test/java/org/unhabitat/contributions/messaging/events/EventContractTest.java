package org.unhabitat.contributions.messaging.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer side of the contract with reporting-service: what is actually published to Kafka must equal the fixture
 * in src/test/resources/contracts/events, which reporting-service's tests read too. Only generated values (ids and
 * instants) are pinned to the fixture's before comparing. Pledges, payments and contributors are published as version
 * 2; their version 1 fixtures stay, for the events already on the topic, and version 2 only adds fields to them.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class EventContractTest {

    private static final String TOPIC = "contributions.events";
    private static final Path FIXTURES = Path.of("src/test/resources/contracts/events");
    private final ObjectMapper mapper = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void contributorRegisteredMatchesItsContract() throws Exception {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Sweden\",\"type\":\"MEMBER_STATE\",\"iatiOrgRef\":\"SE-0-SE-6-2021004799\"}")
                .when().put("/api/v1/contributors/SWE").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        JsonNode published = publishedPayload("org.unhabitat.contributor.registered.v2", "SWE",
                payload -> "SE-0-SE-6-2021004799".equals(payload.path("iatiOrgRef").asText()));
        assertMatchesContract("contributor.registered.v2.json", published, "registeredAt");
    }

    @Test
    void exchangeRateSetMatchesItsContract() throws Exception {
        Given.rate("SEK", "2021-09", "8.75");
        JsonNode published = publishedPayload("org.unhabitat.exchange-rate.set.v1", "SEK:2021-09", payload -> true);
        assertMatchesContract("exchange-rate.set.v1.json", published, "setAt");
    }

    @Test
    void pledgeRecordedMatchesItsContract() throws Exception {
        Given.feasibilityFundKnown(bootstrapServers);
        Given.contributor("OPEN-CITIES-FOUNDATION", "Open Cities Foundation", "FOUNDATION");
        String pledge = Given.pledge("""
                {"contributorCode":"OPEN-CITIES-FOUNDATION","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"1500000","pledgedOn":"2022-01-20",
                 "schedule":[{"year":2022,"amount":"1000000","dueOn":"2022-03-31"},{"year":2023,"amount":"500000","dueOn":"2023-03-31"}],
                 "reference":"OCF-UIF-2022","programme":"UIF-FEASIBILITY-FUND","modality":"BLENDED"}""");
        JsonNode published = publishedPayload("org.unhabitat.pledge.recorded.v2", pledge, payload -> true);
        assertMatchesContract("pledge.recorded.v2.json", published, "pledgeId", "recordedAt");
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
                        {"amount":"20800000","schedule":[{"year":2022,"amount":"10000000","dueOn":"2022-06-30"},{"year":2023,"amount":"10800000"}],
                         "reason":"Agreement amended: part of the 2022 tranche moved to 2023"}""")
                .when().post("/api/v1/pledges/" + pledge + "/corrections").then().statusCode(200);

        JsonNode published = publishedPayload("org.unhabitat.pledge.corrected.v2", pledge, payload -> true);
        assertMatchesContract("pledge.corrected.v2.json", published, "pledgeId", "recordedAt", "correctedAt");
    }

    @Test
    void paymentRecordedMatchesItsContract() throws Exception {
        String pledge = Given.swedenSek7Million("SE-2021-002");
        Given.rate("SEK", "2021-12", "9.05");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"7000000","currency":"SEK","receivedOn":"2021-12-10","forYear":2021,"reference":"SEB-2021-12-10-0042"}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments").then().statusCode(201);

        JsonNode published = publishedPayload("org.unhabitat.payment.recorded.v2", pledge, payload -> true);
        assertMatchesContract("payment.recorded.v2.json", published, "paymentId", "pledgeId", "recordedAt");
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

        JsonNode published = publishedPayload("org.unhabitat.pledge.cancelled.v1", pledge, payload -> true);
        assertMatchesContract("pledge.cancelled.v1.json", published, "pledgeId", "cancelledAt");
    }

    /**
     * A consumer that reads version 1 reads version 2 by the same code plus the new fields: version 2 keeps every
     * field of version 1 with its JSON type (null standing for any type), nested ones included, and adds only these.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "contributor.registered | iatiOrgRef",
            "pledge.recorded        | programme channel modality schedule[].dueOn",
            "pledge.corrected       | programme channel modality schedule[].dueOn",
            "payment.recorded       | programme channel modality reference"})
    void versionTwoIsVersionOnePlusOnlyItsNewFields(String event, String added) throws IOException {
        JsonNode v1 = mapper.readTree(Files.readString(FIXTURES.resolve(event + ".v1.json")));
        JsonNode v2 = mapper.readTree(Files.readString(FIXTURES.resolve(event + ".v2.json")));

        Set<String> expected = new TreeSet<>(fields("", v1));
        expected.addAll(List.of(added.split(" ")));
        assertEquals(expected, new TreeSet<>(fields("", v2)));
        assertSameTypes("", v1, v2);
    }

    private static List<String> fields(String prefix, JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            names.add(prefix + field.getKey());
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                names.addAll(fields(prefix + field.getKey() + "[].", value.get(0)));
            }
        });
        return names;
    }

    private static void assertSameTypes(String prefix, JsonNode v1, JsonNode v2) {
        v1.fields().forEachRemaining(field -> {
            JsonNode before = field.getValue();
            JsonNode after = v2.path(field.getKey());
            String name = prefix + field.getKey();
            if (before.isNull() || after.isNull()) {
                return;
            }
            assertEquals(before.getNodeType(), after.getNodeType(), name + " keeps its JSON type");
            if (before.getNodeType() == JsonNodeType.OBJECT) {
                assertSameTypes(name + ".", before, after);
            } else if (before.isArray() && !before.isEmpty() && !after.isEmpty() && before.get(0).isObject()) {
                assertSameTypes(name + "[].", before.get(0), after.get(0));
            }
        });
    }

    /** The last event of that type and key whose payload is the one wanted, checked as a binary-mode CloudEvent keyed by its aggregate. */
    private JsonNode publishedPayload(String type, String key, Predicate<JsonNode> wanted) throws Exception {
        Predicate<ConsumerRecord<String, String>> matching = record -> type.equals(KafkaRecords.header(record, "ce_type"))
                && key.equals(record.key()) && wanted.test(payload(record));
        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrapServers, TOPIC,
                read -> read.stream().anyMatch(matching), Duration.ofSeconds(30)).stream().filter(matching).toList();
        assertFalse(records.isEmpty(), "no " + type + " with key " + key + " was published");
        ConsumerRecord<String, String> record = records.get(records.size() - 1);
        assertEquals("1.0", KafkaRecords.header(record, "ce_specversion"));
        assertEquals("urn:unhabitat:rm:contributions-service", KafkaRecords.header(record, "ce_source"));
        assertNotNull(KafkaRecords.header(record, "ce_id"));
        return payload(record);
    }

    private JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("Event payload is not JSON: " + record.value(), e);
        }
    }

    /**
     * Compares the whole payload after pinning the named generated fields to the fixture's values;
     * those must still have the fixture's format: a UUID, or an ISO-8601 instant in UTC.
     */
    private void assertMatchesContract(String fixture, JsonNode published, String... generatedFields) throws Exception {
        JsonNode contract = mapper.readTree(Files.readString(FIXTURES.resolve(fixture)));
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
