package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.messaging.ConsumerControl;

/**
 * Rebuilds the read model from the topics: empties every derived table and the inbox, then replays
 * both topics from their beginning. Month-end snapshots are frozen and survive a rebuild.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final EntityManager entityManager;
    private final ConsumerControl consumers;

    public RebuildService(EntityManager entityManager, ConsumerControl consumers) {
        this.entityManager = entityManager;
        this.consumers = consumers;
    }

    public void rebuild() {
        emptyReadModel();
        consumers.rewindToBeginning();
        LOG.info("Read model emptied; replaying targets.events and contributions.events from the beginning");
    }

    /** TRUNCATE waits for any event being applied, so none is half in the old model and half in the new. */
    @Transactional
    void emptyReadModel() {
        entityManager.createNativeQuery("""
                TRUNCATE inbox_event, plan_target, annual_target, approved_budget, contributor, pledge_entry, pledge,
                         payment, line_income_by_day, income_by_day, pledge_book""").executeUpdate();
    }
}
