package org.unhabitat.testing.outbox;

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
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a service's outbox relay against what several instances of it do to one outbox. Another
 * instance is played by rows in {@code outbox_lease}: the lease a relay takes on an aggregate for the
 * time it sends that aggregate's events, with no database transaction open meanwhile. The relay must
 * publish other aggregates while one is leased elsewhere, leave that one alone until the lease is given
 * back or has expired, then publish it in order; an event the broker refuses must hold back its own
 * aggregate and no other; published events go once they are older than the retention.
 */
public final class OutboxOrderingCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Over the producer's default max.request.size of 1 MiB: the broker never takes it. */
    private static final int REFUSED_PAYLOAD_CHARACTERS = 1_100_000;

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final String topic;

    public OutboxOrderingCheck(DataSource dataSource, String bootstrapServers, String topic) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Another instance is sending the aggregate's earlier events; this one must neither overtake nor interleave. */
    public void anAggregateLeasedByAnotherInstanceWaitsWhileOthersArePublishedThenKeepsItsOrder() throws Exception {
        String held = "ordering-held-" + UUID.randomUUID();
        String free = "ordering-free-" + UUID.randomUUID();
        lease(held, "another-instance", Duration.ofMinutes(5));
        List<UUID> heldEvents = List.of(append(held), append(held), append(held));
        UUID freeEvent = append(free);

        assertTrue(eventually(() -> published(freeEvent)), "an aggregate nobody holds is published");
        assertFalse(heldEvents.stream().anyMatch(this::publishedUnchecked),
                "events of an aggregate another instance has leased must wait for it");
        giveBack(held);

        assertTrue(eventually(() -> heldEvents.stream().allMatch(this::publishedUnchecked)),
                "the aggregate is published once the other instance gives its lease back");
        assertEquals(ids(heldEvents), publishedOrder(held, heldEvents.size()));
    }

    /** An instance that died mid-round holds its lease until it expires; then another sends its events. */
    public void anExpiredLeaseIsTakenOver() throws Exception {
        String orphaned = "ordering-orphaned-" + UUID.randomUUID();
        lease(orphaned, "a-dead-instance", Duration.ofSeconds(-1));
        List<UUID> events = List.of(append(orphaned), append(orphaned));

        assertTrue(eventually(() -> events.stream().allMatch(this::publishedUnchecked)),
                "the events of an aggregate whose lease has expired are published");
        assertEquals(ids(events), publishedOrder(orphaned, events.size()));
    }

    /**
     * An event the broker will never take stays pending, counted and with its error, and so does
     * every later event of its aggregate; other aggregates go on being published.
     */
    public void anEventTheBrokerRefusesHoldsBackOnlyItsOwnAggregate() throws Exception {
        String poisoned = "ordering-poisoned-" + UUID.randomUUID();
        String healthy = "ordering-healthy-" + UUID.randomUUID();
        UUID refused = append(poisoned, "\"" + "x".repeat(REFUSED_PAYLOAD_CHARACTERS) + "\"");
        UUID behindIt = append(poisoned);
        try {
            assertTrue(eventually(() -> attempts(refused) >= 2), "the refused event is tried again");
            UUID healthyEvent = append(healthy);
            assertTrue(eventually(() -> published(healthyEvent)), "another aggregate is published meanwhile");
            assertFalse(published(refused), "the refused event stays pending");
            assertFalse(published(behindIt), "an event behind a refused one of its aggregate must not overtake it");
            assertNotNull(lastError(refused), "the refused event keeps the broker's reason");
        } finally {
            delete(poisoned);
        }
    }

    /** With outbox.purge-interval short (the test profile), the retention job runs within seconds. */
    public void publishedEventsAreDeletedOnceOlderThanTheRetentionAndPendingOnesNever() throws Exception {
        String aggregate = "retention-" + UUID.randomUUID();
        UUID expired = insert(aggregate, "now() - interval '30 days'", "now() - interval '8 days'");
        UUID kept = insert(aggregate, "now() - interval '30 days'", "now() - interval '6 days'");
        UUID pending = insert(aggregate, "now() - interval '30 days'", "NULL");

        assertTrue(eventually(() -> !exists(expired)), "an event published 8 days ago is deleted (retention 7 days)");
        assertTrue(exists(kept), "an event published 6 days ago is kept");
        assertTrue(exists(pending), "an event not yet published is kept however old");
    }

    private List<String> publishedOrder(String aggregate, int count) {
        return KafkaRecords.readUntil(bootstrapServers, topic,
                        records -> records.stream().filter(record -> aggregate.equals(record.key())).count() >= count, TIMEOUT)
                .stream().filter(record -> aggregate.equals(record.key()))
                .map(record -> KafkaRecords.header(record, "ce_id")).toList();
    }

    private static List<String> ids(List<UUID> events) {
        return events.stream().map(UUID::toString).toList();
    }

    /**
     * The backlog gauges count what the broker has not acknowledged, held events included, and the age
     * of the oldest; both fall back once the events are sent.
     */
    public void theBacklogGaugesCountEventsTheBrokerHasNotAcknowledged(DoubleSupplier backlog, DoubleSupplier oldestPendingSeconds)
            throws Exception {
        String held = "backlog-held-" + UUID.randomUUID();
        lease(held, "another-instance", Duration.ofMinutes(5));
        List<UUID> events = List.of(insert(held, "now() - interval '1 hour'", "NULL"), append(held), append(held));

        assertTrue(eventually(() -> backlog.getAsDouble() == 3.0), "three held events wait; the gauge reads " + backlog.getAsDouble());
        double oldest = oldestPendingSeconds.getAsDouble();
        assertTrue(oldest >= 3600 && oldest < 3600 + TIMEOUT.toSeconds() + 5, "the oldest waits an hour; the gauge reads " + oldest);
        giveBack(held);
        assertTrue(eventually(() -> events.stream().allMatch(this::publishedUnchecked)), "the events are sent once given back");
        assertTrue(eventually(() -> backlog.getAsDouble() == 0.0), "nothing waits; the gauge reads " + backlog.getAsDouble());
    }

    private void lease(String aggregate, String owner, Duration validFor) throws SQLException {
        update("INSERT INTO outbox_lease (aggregate_id, owner, expires_at) VALUES (?, ?, now() + make_interval(secs => ?))",
                aggregate, owner, validFor.toMillis() / 1000.0);
    }

    private void giveBack(String aggregate) throws SQLException {
        update("DELETE FROM outbox_lease WHERE aggregate_id = ?", aggregate);
    }

    private void delete(String aggregate) throws SQLException {
        update("DELETE FROM outbox_event WHERE aggregate_id = ?", aggregate);
        giveBack(aggregate);
    }

    private UUID append(String aggregate) throws SQLException {
        return append(aggregate, "{}");
    }

    private UUID append(String aggregate, String payload) throws SQLException {
        UUID eventId = UUID.randomUUID();
        update("""
                INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                VALUES (?, 'test', ?, 'org.unhabitat.test.ordering.v1', ?, now())""", eventId, aggregate, payload);
        return eventId;
    }

    private UUID insert(String aggregate, String occurredAt, String publishedAt) throws SQLException {
        UUID eventId = UUID.randomUUID();
        update("""
                INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at, published_at)
                VALUES (?, 'test', ?, 'org.unhabitat.test.retention.v1', '{}', %s, %s)""".formatted(occurredAt, publishedAt),
                eventId, aggregate);
        return eventId;
    }

    private boolean published(UUID eventId) throws SQLException {
        return query("SELECT CASE WHEN published_at IS NULL THEN 'pending' ELSE 'published' END FROM outbox_event WHERE event_id = ?",
                eventId).equals("published");
    }

    private boolean publishedUnchecked(UUID eventId) {
        try {
            return published(eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean exists(UUID eventId) throws SQLException {
        return query("SELECT count(*) FROM outbox_event WHERE event_id = ?", eventId).equals("1");
    }

    private int attempts(UUID eventId) throws SQLException {
        return Integer.parseInt(query("SELECT attempts FROM outbox_event WHERE event_id = ?", eventId));
    }

    private String lastError(UUID eventId) throws SQLException {
        return query("SELECT last_error FROM outbox_event WHERE event_id = ?", eventId);
    }

    private String query(String sql, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next(), "no outbox row " + eventId);
                return result.getString(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
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
