package org.unhabitat.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The relay's SQL. A claim is a lease on an aggregate (one row of {@code outbox_lease}), so that
 * nothing is held open in the database while the broker is asked: every method is its own short
 * statement in the caller's short transaction. All times are the database's, whichever instance asks.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true")
public class OutboxStore {

    private final EntityManager entityManager;

    public OutboxStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Writes an event row in the caller's transaction with a statement of its own: persisting an entity
     * cost a write several times its insert in Hibernate's persist and flush (deploy/bench/README.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID eventId, String aggregateType, String aggregateId, String eventType, String payload,
                       OffsetDateTime occurredAt) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, eventId);
                insert.setString(2, aggregateType);
                insert.setString(3, aggregateId);
                insert.setString(4, eventType);
                insert.setString(5, payload);
                insert.setObject(6, occurredAt);
                insert.executeUpdate();
            }
        });
    }

    /**
     * Leases the aggregates of the oldest pending events that nobody holds (an expired lease counts as
     * nobody's), then reads their pending events oldest first. The unique aggregate id makes the
     * lease atomic between instances; the events are read by a later statement, after any relay that
     * held the aggregate before has committed its marks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutboxEvent> claim(String owner, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<String> leased = entityManager.createNativeQuery("""
                        WITH candidates AS (
                            SELECT DISTINCT pending.aggregate_id FROM (
                                SELECT e.aggregate_id FROM outbox_event e
                                WHERE e.published_at IS NULL
                                  AND NOT EXISTS (SELECT 1 FROM outbox_lease l
                                                  WHERE l.aggregate_id = e.aggregate_id AND l.expires_at > now())
                                ORDER BY e.seq LIMIT :limit) pending)
                        INSERT INTO outbox_lease (aggregate_id, owner, expires_at)
                        SELECT aggregate_id, :owner, now() + make_interval(secs => :seconds) FROM candidates
                        ON CONFLICT (aggregate_id) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
                        WHERE outbox_lease.expires_at <= now()
                        RETURNING aggregate_id""")
                .setParameter("limit", limit).setParameter("owner", owner).setParameter("seconds", seconds(lease))
                .getResultList();
        if (leased.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> events = entityManager.createNativeQuery("""
                        SELECT * FROM outbox_event WHERE published_at IS NULL AND aggregate_id IN (:aggregates)
                        ORDER BY seq LIMIT :limit""", OutboxEvent.class)
                .setParameter("aggregates", leased).setParameter("limit", limit)
                .getResultList();
        return events;
    }

    /** Acknowledged by the broker: a fact, recorded whoever holds the lease now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPublished(Collection<Long> seqs) {
        if (!seqs.isEmpty()) {
            entityManager.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE seq IN (:seqs)")
                    .setParameter("seqs", seqs).executeUpdate();
        }
    }

    /** Counts a refused send on the event and keeps its aggregate leased until it may be tried again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(String owner, OutboxEvent event, String error, Duration retryIn) {
        entityManager.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE seq = :seq")
                .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error).setParameter("seq", event.seq)
                .executeUpdate();
        entityManager.createNativeQuery("""
                        UPDATE outbox_lease SET expires_at = now() + make_interval(secs => :seconds)
                        WHERE aggregate_id = :aggregate AND owner = :owner""")
                .setParameter("seconds", seconds(retryIn)).setParameter("aggregate", event.aggregateId)
                .setParameter("owner", owner).executeUpdate();
    }

    /** Gives up this owner's leases on the aggregates; a lease another instance has taken over stays its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String owner, Collection<String> aggregates) {
        if (!aggregates.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM outbox_lease WHERE owner = :owner AND aggregate_id IN (:aggregates)")
                    .setParameter("owner", owner).setParameter("aggregates", aggregates).executeUpdate();
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

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
