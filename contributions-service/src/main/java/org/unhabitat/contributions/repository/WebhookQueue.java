package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /** Records that the pledge's recording was fanned out; false if it was before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean announce(UUID pledgeId) {
        return entityManager.createNativeQuery("INSERT INTO webhook_announced_pledge (pledge_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .setParameter("id", pledgeId)
                .executeUpdate() == 1;
    }

    /**
     * Schedule years of announced, uncancelled pledges' current versions that were due before {@code today}, are not
     * paid in full and have not been found overdue before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<OverdueInstalment> overdue(LocalDate today, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, e.schedule_year FROM pledge p
                        JOIN webhook_announced_pledge a ON a.pledge_id = p.id
                        JOIN pledge_version v ON v.pledge_id = p.id AND v.version = p.version
                        JOIN pledge_schedule_entry e ON e.version_id = v.id
                        WHERE p.status <> 'CANCELLED' AND e.due_on < :today
                          AND e.amount > (SELECT COALESCE(SUM(pay.amount), 0) FROM payment pay
                                          WHERE pay.pledge_id = p.id AND pay.for_year = e.schedule_year)
                          AND NOT EXISTS (SELECT 1 FROM webhook_overdue_instalment o
                                          WHERE o.pledge_id = p.id AND o.schedule_year = e.schedule_year)
                        ORDER BY e.due_on, p.id
                        LIMIT :limit""")
                .setParameter("today", today)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new OverdueInstalment((UUID) row[0], ((Number) row[1]).intValue())).toList();
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
