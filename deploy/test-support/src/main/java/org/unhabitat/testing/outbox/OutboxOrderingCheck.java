package org.unhabitat.testing.outbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.unhabitat.testing.KafkaRecords;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a service's outbox relay against a second relay of the same outbox, played by a database
 * connection that holds the per-aggregate advisory lock a relay holds while the broker has not yet
 * acknowledged that aggregate's events. The relay must publish other aggregates meanwhile, leave
 * the held one alone, and publish it in order once the lock is gone.
 */
public final class OutboxOrderingCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final String topic;
    private final int aggregateLockClass;

    public OutboxOrderingCheck(DataSource dataSource, String bootstrapServers, String topic, int aggregateLockClass) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.aggregateLockClass = aggregateLockClass;
    }

    public void run() throws Exception {
        String held = "ordering-held-" + UUID.randomUUID();
        String free = "ordering-free-" + UUID.randomUUID();
        List<UUID> heldEvents;
        try (Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            lockAggregate(otherRelay, held);
            heldEvents = List.of(append(held), append(held));
            UUID freeEvent = append(free);

            assertTrue(eventually(() -> published(freeEvent)), "an aggregate nobody holds is published");
            assertFalse(published(heldEvents.get(0)) || published(heldEvents.get(1)),
                    "events of an aggregate whose lock another relay holds must wait for it");
            otherRelay.rollback();
        }

        assertTrue(eventually(() -> published(heldEvents.get(0)) && published(heldEvents.get(1))),
                "the held aggregate is published once the other relay lets go");
        List<String> publishedIds = KafkaRecords.readUntil(bootstrapServers, topic,
                        records -> records.stream().filter(record -> held.equals(record.key())).count() == 2, TIMEOUT)
                .stream().filter(record -> held.equals(record.key()))
                .map(record -> KafkaRecords.header(record, "ce_id")).toList();
        assertEquals(heldEvents.stream().map(UUID::toString).toList(), publishedIds);
    }

    private void lockAggregate(Connection connection, String aggregate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CAST(pg_advisory_xact_lock(?, hashtext(?)) AS TEXT)")) {
            statement.setInt(1, aggregateLockClass);
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

    private static boolean eventually(Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
