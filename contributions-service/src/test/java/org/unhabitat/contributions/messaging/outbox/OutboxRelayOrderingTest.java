package org.unhabitat.contributions.messaging.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Several instances relay one outbox. This test plays the second relay by holding the lock that a
 * relay takes on an aggregate while the broker has not yet acknowledged its events.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OutboxRelayOrderingTest {

    private static final String TOPIC = "contributions.events";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAggregateHeldByAnotherRelayWaitsWhileOtherAggregatesArePublishedThenKeepsItsOrder() throws Exception {
        String held = "ordering-held-" + UUID.randomUUID();
        String free = "ordering-free-" + UUID.randomUUID();
        List<UUID> heldEvents;
        try (Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            lockAggregate(otherRelay, held);
            heldEvents = List.of(append(held), append(held));
            UUID freeEvent = append(free);

            await().atMost(Duration.ofSeconds(30)).until(() -> published(freeEvent));
            assertFalse(published(heldEvents.get(0)) || published(heldEvents.get(1)),
                    "events of an aggregate whose lock another relay holds must wait for it");
            otherRelay.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> published(heldEvents.get(0)) && published(heldEvents.get(1)));
        List<String> publishedIds = KafkaRecords.readUntil(bootstrapServers, TOPIC,
                        records -> ofAggregate(records, held).size() == 2, Duration.ofSeconds(30))
                .stream().filter(record -> held.equals(record.key()))
                .map(record -> KafkaRecords.header(record, "ce_id")).toList();
        assertEquals(heldEvents.stream().map(UUID::toString).toList(), publishedIds);
    }

    private static List<ConsumerRecord<String, String>> ofAggregate(List<ConsumerRecord<String, String>> records, String aggregate) {
        return records.stream().filter(record -> aggregate.equals(record.key())).toList();
    }

    private static void lockAggregate(Connection connection, String aggregate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CAST(pg_advisory_xact_lock(?, hashtext(?)) AS TEXT)")) {
            statement.setInt(1, OutboxRelay.AGGREGATE_LOCK_CLASS);
            statement.setString(2, aggregate);
            statement.executeQuery().close();
        }
    }

    private UUID append(String aggregate) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                VALUES (?, 'test', ?, 'org.unhabitat.test.ordering.v1', '{}', now())""")) {
            insert.setObject(1, eventId);
            insert.setString(2, aggregate);
            insert.executeUpdate();
        }
        return eventId;
    }

    private boolean published(UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?")) {
            select.setObject(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
