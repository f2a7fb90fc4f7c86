package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of webhook delivery: the queue's heads, the pledges announced and the instalments found overdue. */
@ApplicationScoped
public class WebhookQueue {

    /** A schedule year found overdue: the pledge and the year. */
    public record OverdueInstalment(UUID pledgeId, int year) {
    }

    private final EntityManager entityManager;

    public WebhookQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Leases up to {@code limit} due deliveries, each the oldest pending one of its pledge for its endpoint, so that
     * one endpoint never has two messages of one pledge in flight, nor a later one before an earlier. The lease moves
     * the row's next attempt to {@code leaseUntil}: another instance skips it meanwhile, and if this one dies the row
     * is due again then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> leaseDue(Instant now, Instant leaseUntil, int limit) {
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT d.id FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.id = d.subscription_id
                        WHERE d.status = 'PENDING' AND s.enabled AND d.next_attempt_at <= :now
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                          WHERE earlier.subscription_id = d.subscription_id
                                            AND earlier.ordering_key = d.ordering_key
                                            AND earlier.status = 'PENDING' AND earlier.seq < d.seq)
                        ORDER BY d.next_attempt_at, d.seq
                        LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED""", UUID.class)
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", limit)
                .getResultList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = :until WHERE id IN (:ids)")
                    .setParameter("until", Timestamp.from(leaseUntil))
                    .setParameter("ids", due)
                    .executeUpdate();
        }
        return due;
    }

    /** The contributor of each of these pledges that is here; a pledge not here is left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<UUID, String> contributorsOf(Collection<UUID> pledgeIds) {
        if (pledgeIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, contributor_code FROM pledge WHERE id IN (:ids)")
                .setParameter("ids", pledgeIds)
                .getResultList();
        Map<UUID, String> contributors = new HashMap<>();
        rows.forEach(row -> contributors.put((UUID) row[0], (String) row[1]));
        return contributors;
    }

    /** Records that these pledges' recordings were fanned out; one recorded before stays as it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Collection<UUID> pledgeIds) {
        if (pledgeIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_announced_pledge (pledge_id) SELECT id FROM pledge WHERE id IN (:ids)
                        ON CONFLICT DO NOTHING""")
                .setParameter("ids", pledgeIds)
                .executeUpdate();
    }

    /** A schedule entry's place in the overdue sweep's walk: its due date, then its id. */
    public record DueEntry(LocalDate dueOn, long id) {
        /** Where a walk starts: before every entry (the type's own minimum is outside PostgreSQL's date range). */
        public static final DueEntry FIRST = new DueEntry(LocalDate.of(1, 1, 1), 0);
    }

    /**
     * The next {@code limit} schedule entries due before {@code today}, after {@code after} in (due date, id) order,
     * of any version. The index on (due_on, id) makes each slice cost its own size, however many came before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<DueEntry> pastDue(LocalDate today, DueEntry after, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.due_on, e.id FROM pledge_schedule_entry e
                        WHERE e.due_on < :today AND (e.due_on, e.id) > (:afterDue, :afterId)
                        ORDER BY e.due_on, e.id
                        LIMIT :limit""")
                .setParameter("today", today)
                .setParameter("afterDue", after.dueOn())
                .setParameter("afterId", after.id())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new DueEntry(localDate(row[0]), ((Number) row[1]).longValue())).toList();
    }

    /**
     * Of these past-due entries, those of announced, uncancelled pledges' current versions that are not paid in full
     * and have not been found overdue before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<OverdueInstalment> overdue(List<DueEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, e.schedule_year FROM pledge_schedule_entry e
                        JOIN pledge_version v ON v.id = e.version_id
                        JOIN pledge p ON p.id = v.pledge_id AND p.version = v.version
                        JOIN webhook_announced_pledge a ON a.pledge_id = p.id
                        WHERE e.id IN (:entries) AND p.status <> 'CANCELLED'
                          AND e.amount > (SELECT COALESCE(SUM(pay.amount), 0) FROM payment pay
                                          WHERE pay.pledge_id = p.id AND pay.for_year = e.schedule_year)
                          AND NOT EXISTS (SELECT 1 FROM webhook_overdue_instalment o
                                          WHERE o.pledge_id = p.id AND o.schedule_year = e.schedule_year)
                        ORDER BY e.due_on, e.id""")
                .setParameter("entries", entries.stream().map(DueEntry::id).toList())
                .getResultList();
        return rows.stream().map(row -> new OverdueInstalment((UUID) row[0], ((Number) row[1]).intValue())).toList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** Records the instalment as announced overdue; false if it was before (another instance got there first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markOverdue(OverdueInstalment instalment, Instant at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO webhook_overdue_instalment (pledge_id, schedule_year, fired_at) VALUES (:pledge, :year, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("pledge", instalment.pledgeId())
                .setParameter("year", instalment.year())
                .setParameter("at", Timestamp.from(at))
                .executeUpdate() == 1;
    }
}
