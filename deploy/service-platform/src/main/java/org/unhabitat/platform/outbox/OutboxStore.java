package org.unhabitat.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The relay's SQL. A claim is a lease on an aggregate (one row of {@code outbox_lease}), so that
 * nothing is held open in the database while the broker is asked: every method is its own short
 * statement in the caller's short transaction. All times are the database's, whichever instance asks.
 *
 * <p>What every write and every relay round runs is a plain statement on the transaction's own connection
 * (the datasource gives each caller in one transaction the same one): through the ORM, a native query cost
 * several times the statement, and a transaction that used the ORM at all paid for opening, flushing and
 * closing its session (deploy/bench/README.md, <i>Pledge writes without the ORM</i>).
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true")
public class OutboxStore {

    private final DataSource dataSource;
    private final EntityManager entityManager;

    public OutboxStore(DataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /** Writes an event row in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID eventId, String aggregateType, String aggregateId, String eventType, String payload,
                       OffsetDateTime occurredAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                     VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, aggregateType);
            insert.setString(3, aggregateId);
            insert.setString(4, eventType);
            insert.setString(5, payload);
            insert.setObject(6, occurredAt);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Leases the aggregates of the oldest pending events that nobody holds (an expired lease counts as
     * nobody's), then reads their pending events oldest first. The unique aggregate id makes the
     * lease atomic between instances; the events are read by a later statement, after any relay that
     * held the aggregate before has committed its marks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutboxEvent> claim(String owner, Duration lease, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> leased = new ArrayList<>();
            try (PreparedStatement lock = connection.prepareStatement("""
                    WITH candidates AS (
                        SELECT DISTINCT pending.aggregate_id FROM (
                            SELECT e.aggregate_id FROM outbox_event e
                            WHERE e.published_at IS NULL
                              AND NOT EXISTS (SELECT 1 FROM outbox_lease l
                                              WHERE l.aggregate_id = e.aggregate_id AND l.expires_at > now())
                            ORDER BY e.seq LIMIT ?) pending)
                    INSERT INTO outbox_lease (aggregate_id, owner, expires_at)
                    SELECT aggregate_id, ?, now() + make_interval(secs => ?) FROM candidates
                    ON CONFLICT (aggregate_id) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
                    WHERE outbox_lease.expires_at <= now()
                    RETURNING aggregate_id""")) {
                lock.setInt(1, limit);
                lock.setString(2, owner);
                lock.setDouble(3, seconds(lease));
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        leased.add(rows.getString(1));
                    }
                }
            }
            if (leased.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement read = connection.prepareStatement("""
                    SELECT seq, event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at, attempts
                    FROM outbox_event WHERE published_at IS NULL AND aggregate_id = ANY (?)
                    ORDER BY seq LIMIT ?""")) {
                read.setArray(1, connection.createArrayOf("varchar", leased.toArray()));
                read.setInt(2, limit);
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        events.add(pending(rows));
                    }
                }
                return events;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Acknowledged by the broker: a fact, recorded whoever holds the lease now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPublished(Collection<Long> seqs) {
        if (!seqs.isEmpty()) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement mark = connection.prepareStatement("UPDATE outbox_event SET published_at = now() WHERE seq = ANY (?)")) {
                mark.setArray(1, connection.createArrayOf("int8", seqs.toArray()));
                mark.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
    }

    /** Counts a refused send on the event and keeps its aggregate leased until it may be tried again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(String owner, OutboxEvent event, String error, Duration retryIn) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?");
             PreparedStatement keep = connection.prepareStatement("""
                     UPDATE outbox_lease SET expires_at = now() + make_interval(secs => ?)
                     WHERE aggregate_id = ? AND owner = ?""")) {
            count.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            count.setLong(2, event.seq);
            count.executeUpdate();
            keep.setDouble(1, seconds(retryIn));
            keep.setString(2, event.aggregateId);
            keep.setString(3, owner);
            keep.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Gives up this owner's leases on the aggregates; a lease another instance has taken over stays its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String owner, Collection<String> aggregates) {
        if (!aggregates.isEmpty()) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_lease WHERE aggregate_id = ANY (?) AND owner = ?")) {
                delete.setArray(1, connection.createArrayOf("varchar", aggregates.toArray()));
                delete.setString(2, owner);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
    }

    /** Everything this owner holds, for instance what it held before a restart. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int releaseAll(String owner) {
        return entityManager.createNativeQuery("DELETE FROM outbox_lease WHERE owner = :owner")
                .setParameter("owner", owner).executeUpdate();
    }

    /** Deletes up to {@code limit} events published before {@code cutoff}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deletePublishedBefore(OffsetDateTime cutoff, int limit) {
        return entityManager.createNativeQuery("""
                        DELETE FROM outbox_event WHERE seq IN (
                            SELECT seq FROM outbox_event WHERE published_at < :cutoff
                            ORDER BY published_at LIMIT :limit FOR UPDATE SKIP LOCKED)""")
                .setParameter("cutoff", cutoff).setParameter("limit", limit).executeUpdate();
    }

    /** An expired lease means the same as none; deleting it only tidies the table. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteExpiredLeases() {
        return entityManager.createNativeQuery("DELETE FROM outbox_lease WHERE expires_at < now()").executeUpdate();
    }

    /** Events not yet acknowledged by the broker, and how long the oldest of them has waited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Backlog backlog() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)
                        FROM outbox_event WHERE published_at IS NULL""")
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), Duration.ofMillis(Math.round(((Number) row[1]).doubleValue() * 1000)));
    }

    public record Backlog(long events, Duration oldestWaiting) {
    }

    /** A pending event as the relay needs it; the entity is never managed, only read. */
    private static OutboxEvent pending(ResultSet row) throws SQLException {
        OutboxEvent event = new OutboxEvent();
        event.seq = row.getLong("seq");
        event.eventId = row.getObject("event_id", UUID.class);
        event.aggregateType = row.getString("aggregate_type");
        event.aggregateId = row.getString("aggregate_id");
        event.eventType = row.getString("event_type");
        event.payload = row.getString("payload");
        event.occurredAt = row.getObject("occurred_at", OffsetDateTime.class);
        event.attempts = row.getInt("attempts");
        return event;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
