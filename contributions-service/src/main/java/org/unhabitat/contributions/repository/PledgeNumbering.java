package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Gives committed pledges their place in the keyset order (see V6__pledges_numbered_after_commit.sql).
 * A pledge is inserted without a number, so writers never wait for each other; this numbers it after
 * its commit, in a transaction of one statement that holds the numbering lock only inside PostgreSQL.
 */
@ApplicationScoped
public class PledgeNumbering {

    private final EntityManager entityManager;

    public PledgeNumbering(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Numbers every committed pledge still without a number; when it returns, every pledge committed
     * before the call is numbered and visible. Returns how many it numbered itself.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int numberCommitted() {
        return ((Number) entityManager.createNativeQuery("SELECT number_committed_pledges()").getSingleResult()).intValue();
    }
}
