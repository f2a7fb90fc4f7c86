package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Frozen month-end snapshots: written once, never updated. */
@ApplicationScoped
public class SnapshotRepository {

    private final EntityManager entityManager;

    public SnapshotRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return whether this call wrote it; the month is the primary key, so a second snapshot is never written */
    public boolean insertIfAbsent(YearMonth month, Instant takenAt, String content) {
        return entityManager.createNativeQuery("""
                        INSERT INTO monthly_snapshot (month, taken_at, content) VALUES (:month, :takenAt, :content)
                        ON CONFLICT (month) DO NOTHING""")
                .setParameter("month", month.toString())
                .setParameter("takenAt", Timestamp.from(takenAt))
                .setParameter("content", content)
                .executeUpdate() == 1;
    }

    public Optional<String> find(YearMonth month) {
        List<?> content = entityManager.createNativeQuery("SELECT content FROM monthly_snapshot WHERE month = :month")
                .setParameter("month", month.toString()).getResultList();
        return content.stream().findFirst().map(String.class::cast);
    }

    /** The job lock for this transaction, if no other instance holds it: the holder takes the snapshot. */
    public boolean tryJobLock(long lock) {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lock).getSingleResult();
    }
}
