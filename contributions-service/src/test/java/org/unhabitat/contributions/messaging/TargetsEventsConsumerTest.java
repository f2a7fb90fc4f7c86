package org.unhabitat.contributions.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.repository.KnownProgramme;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * contributions-service's first consumer: it keeps its own copy of the programmes from targets.events, applying each
 * event once (its id recorded in the transaction of its effect), in order per programme, and sets aside what it cannot
 * read without stopping. Events are published here as targets-service's relay does: CloudEvents keyed by the code.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class TargetsEventsConsumerTest {

    private static final String DEFINED = "org.unhabitat.programme.defined.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProgrammeDefinedInTargetsServiceIsLearntWithItsNameAndLine() {
        String code = "LEARNT-" + shortId();
        publish(code, UUID.randomUUID(), definition(code, "Resilience window", "TECHNICAL_COOPERATION", "2021-05-01T08:00:00Z"));

        KnownProgramme learnt = awaitProgramme(code, "Resilience window");
        assertEquals("TECHNICAL_COOPERATION", learnt.budgetLine.name());
    }

    @Test
    void aRedeliveredEventChangesNothingEvenAfterANewerDefinition() throws SQLException {
        String code = "REDELIVERED-" + shortId();
        UUID first = UUID.randomUUID();
        publish(code, first, definition(code, "First name", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        awaitProgramme(code, "First name");
        publish(code, UUID.randomUUID(), definition(code, "Second name", "FOUNDATION_EARMARKED", "2021-06-01T08:00:00Z"));
        awaitProgramme(code, "Second name");

        // The first event again, as a relay that crashed before marking it published would send it.
        publish(code, first, definition(code, "First name", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        String marker = "MARKER-" + shortId();
        publish(marker, UUID.randomUUID(), definition(marker, "Marker", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        awaitProgramme(marker, "Marker");

        assertEquals("Second name", programme(code).orElseThrow().name, "the redelivered event was not applied again");
        assertEquals(1, inboxEntries(first), "its id is recorded once");
    }

    @Test
    void anOlderDefinitionUnderANewIdNeverReplacesANewerOne() {
        String code = "REPLAYED-" + shortId();
        publish(code, UUID.randomUUID(), definition(code, "Newer", "FOUNDATION_EARMARKED", "2021-06-01T08:00:00Z"));
        awaitProgramme(code, "Newer");
        publish(code, UUID.randomUUID(), definition(code, "Older", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        String marker = "MARKER-" + shortId();
        publish(marker, UUID.randomUUID(), definition(marker, "Marker", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        awaitProgramme(marker, "Marker");

        assertEquals("Newer", programme(code).orElseThrow().name);
    }

    @Test
    void anUnreadableProgrammeEventIsSetAsideAndTheNextOneIsLearnt() {
        String code = "POISON-" + shortId();
        UUID unknownVersion = UUID.randomUUID();
        UUID malformed = UUID.randomUUID();
        KafkaRecords.publish(bootstrapServers, "targets.events", code, unknownVersion.toString(), "org.unhabitat.programme.defined.v9",
                definition(code, "From the future", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        KafkaRecords.publish(bootstrapServers, "targets.events", code, malformed.toString(), DEFINED, "{\"code\":\"" + code + "\"}");
        publish(code, UUID.randomUUID(), definition(code, "Readable", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));

        awaitProgramme(code, "Readable");
        List<ConsumerRecord<String, String>> deadLetters = KafkaRecords.readUntil(bootstrapServers, "contributions.dead-letter",
                read -> read.stream().filter(record -> code.equals(record.key())).count() >= 2, Duration.ofSeconds(30)).stream()
                .filter(record -> code.equals(record.key())).toList();
        assertEquals(List.of(unknownVersion.toString(), malformed.toString()),
                deadLetters.stream().map(record -> KafkaRecords.header(record, "ce_id")).toList());
        deadLetters.forEach(record -> assertTrue(KafkaRecords.header(record, "dead-letter-reason") != null,
                "a dead letter says why"));
    }

    @Test
    void plansTargetsAndProgrammeTargetsPassByWithoutAnEntryInTheInbox() throws SQLException {
        UUID target = UUID.randomUUID();
        UUID programmeTarget = UUID.randomUUID();
        KafkaRecords.publish(bootstrapServers, "targets.events", "2031:REGULAR_BUDGET", target.toString(),
                "org.unhabitat.target.set.v1", "{\"year\":2031}");
        KafkaRecords.publish(bootstrapServers, "targets.events", "SOME-FUND", programmeTarget.toString(),
                "org.unhabitat.programme-target.set.v1", "{\"programme\":\"SOME-FUND\"}");
        String marker = "MARKER-" + shortId();
        publish(marker, UUID.randomUUID(), definition(marker, "Marker", "FOUNDATION_EARMARKED", "2021-05-01T08:00:00Z"));
        awaitProgramme(marker, "Marker");

        assertEquals(0, inboxEntries(target));
        assertEquals(0, inboxEntries(programmeTarget));
    }

    private void publish(String code, UUID eventId, String payload) {
        KafkaRecords.publish(bootstrapServers, "targets.events", code, eventId.toString(), DEFINED, payload);
    }

    private static String definition(String code, String name, String budgetLine, String definedAt) {
        return """
                {"code":"%s","name":"%s","kind":"THEMATIC_WINDOW","budgetLine":"%s","region":null,"startYear":2021,
                 "endYear":null,"definedBy":"finance-user","definedAt":"%s"}""".formatted(code, name, budgetLine, definedAt);
    }

    private static KnownProgramme awaitProgramme(String code, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> programme(code).filter(p -> p.name.equals(name)).orElse(null),
                found -> found != null);
    }

    private static Optional<KnownProgramme> programme(String code) {
        return QuarkusTransaction.requiringNew().call(() -> KnownProgramme.<KnownProgramme>findByIdOptional(code));
    }

    private long inboxEntries(UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
            count.setObject(1, eventId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
