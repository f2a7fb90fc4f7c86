package org.unhabitat.reporting.messaging.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unhabitat.platform.http.JsonSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's half of the event contracts: every event the producers pin in their fixtures must be
 * a type reporting knows, and must read into its record without loss. A producer that adds a type or
 * changes a shape breaks this test rather than production.
 */
class ConsumerContractTest {

    private static final List<Path> PRODUCER_CONTRACTS = List.of(
            Path.of("../targets-service/src/test/resources/contracts/events"),
            Path.of("../contributions-service/src/test/resources/contracts/events"));

    static Stream<Path> producerFixtures() throws IOException {
        List<Path> fixtures = PRODUCER_CONTRACTS.stream().flatMap(ConsumerContractTest::jsonFiles).toList();
        assertFalse(fixtures.isEmpty(), "no producer contract fixtures found");
        return fixtures.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerFixtures")
    void everyPublishedEventIsATypeReportingReadsCompletely(Path fixture) throws IOException {
        String type = "org.unhabitat." + fixture.getFileName().toString().replaceFirst("\\.json$", "");
        assertTrue(EventDecoder.PAYLOAD_TYPES.containsKey(type), "reporting-service does not handle " + type);
        Class<?> payloadType = EventDecoder.PAYLOAD_TYPES.get(type);
        if (payloadType == Void.class) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonSettings().customize(mapper);
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), type, "urn:test", "key", Files.readString(fixture));
        assertNotNull(new EventDecoder(mapper).decode(event, payloadType));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerFixtures")
    void everyPublishedEventBelongsOnItsProducersTopic(Path fixture) {
        String type = "org.unhabitat." + fixture.getFileName().toString().replaceFirst("\\.json$", "");
        TopicOwner producer = fixture.startsWith(PRODUCER_CONTRACTS.get(0)) ? TopicOwner.TARGETS : TopicOwner.CONTRIBUTIONS;
        assertEquals(Optional.empty(), producer.refusal(producer.source(), type));
    }

    private static Stream<Path> jsonFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new AssertionError("Producer contracts missing at " + directory.toAbsolutePath(), e);
        }
    }
}
