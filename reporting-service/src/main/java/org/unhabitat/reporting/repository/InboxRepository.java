package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Remembers which events were applied, in the same transaction as their effect on the read model. */
@ApplicationScoped
public class InboxRepository {

    private final EntityManager entityManager;

    public InboxRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the event for the current transaction.
     *
     * @return false if it was applied before, in which case the caller must not apply it again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(UUID eventId, String eventType) {
        int inserted = entityManager.createNativeQuery(
                        "INSERT INTO inbox_event (event_id, event_type) VALUES (:id, :type) ON CONFLICT (event_id) DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate();
        return inserted == 1;
    }
}
