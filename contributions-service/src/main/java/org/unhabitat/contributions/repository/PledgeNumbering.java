package org.unhabitat.contributions.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives committed pledges their place in the keyset order (see V6__pledges_numbered_after_commit.sql).
 * A pledge is inserted without a number, so writers never wait for each other; this numbers it after
 * its commit, in a transaction of one statement that holds the numbering lock only inside PostgreSQL.
 */
@ApplicationScoped
public class PledgeNumbering {

    /** Pledges numbered per transaction, so that a backlog is numbered in short transactions. */
    static final int BATCH = 1000;

    private final AgroalDataSource dataSource;

    public PledgeNumbering(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    /**
     * One statement on a connection of no transaction coordinator (NEVER above), so it commits on its own: after
     * every pledge POST, the coordinator and the ORM cost several times the statement (deploy/bench/README.md).
     */
    private int numberBatch() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement number = connection.prepareStatement("SELECT number_committed_pledges(?)")) {
            number.setInt(1, BATCH);
            try (ResultSet numbered = number.executeQuery()) {
                numbered.next();
                return numbered.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Pledges could not be numbered: " + e.getMessage(), e);
        }
    }
}
