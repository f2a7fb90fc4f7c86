package org.unhabitat.contributions.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /** Pledges numbered per transaction, so that a backlog is numbered in short transactions. */
    static final int BATCH = 1000;

    private final EntityManager entityManager;

    public PledgeNumbering(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Numbers every committed pledge still without a number, in transactions of at most {@link #BATCH};
     * when it returns, every pledge committed before the call is numbered and visible.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void numberCommitted() {
        while (numberBatch() == BATCH) {
            // a backlog, left by writers that stopped before numbering: on to the next batch
        }
    }

    private int numberBatch() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT number_committed_pledges(:max)").setParameter("max", BATCH)
                .getSingleResult()).intValue());
    }
}
