package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The read model's version, read without touching the read model: its generation, the sum of the stored
 * positions of that generation (each only ever moves forward, and only in the transaction that applied
 * the records before it, so any change to the read model moves the sum) and the revision that changes
 * made outside consumption move on.
 *
 * <p>A version read from the database is kept in memory only while nothing can have moved it since: each
 * change counts once when it starts here and again when it ends, and a change committed anywhere else
 * counts when its notification arrives (the tables' triggers notify on commit). A version is kept with the
 * count it was read at and served only while that count holds, so a report never outlives the version it
 * was computed at on this instance; on another, it outlives it by the notification's delivery at most.
 * While this instance does not follow the notifications, every request reads the version.
 */
@ApplicationScoped
public class ReadModelVersionRepository {

    private static final String CHANNEL = "read_model_changed";
    private static final int NOTIFICATION_WAIT_MILLIS = 1000;

    private record Known(long changes, String version) {
    }

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicInteger changesUnderWay = new AtomicInteger();
    private final Object changingKey = new Object();
    private volatile boolean following;
    private volatile Known known;

    public ReadModelVersionRepository(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** As committed now. */
    public String current() {
        Known last = known;
        if (following && last != null && changes.get() == last.changes()) {
            return last.version();
        }
        long seen = changes.get();
        String version = readCommitted();
        if (following && changesUnderWay.get() == 0 && changes.get() == seen) {
            known = new Known(seen, version);
        }
        return version;
    }

    /**
     * In a transaction that moves the version: until it has ended, committed or not, no version is kept, and
     * the one kept before it is not served again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changingInThisTransaction() {
        if (transactions.getResource(changingKey) != null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Counted when registered, before anything could commit.
            }

            @Override
            public void afterCompletion(int status) {
                changes.incrementAndGet();
                changesUnderWay.decrementAndGet();
            }
        });
        transactions.putResource(changingKey, Boolean.TRUE);
        changesUnderWay.incrementAndGet();
        changes.incrementAndGet();
    }

    /** In the transaction that changes the read model outside consumption. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedOutsideConsumption() {
        changingInThisTransaction();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE read_model_revision SET revision = revision + 1")) {
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Follows the changes committed by any session, on a connection of its own, until told to stop or the
     * connection fails; versions are kept only meanwhile.
     */
    public void followChanges(BooleanSupplier keepFollowing) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            try {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Whatever was kept before listening may have missed a change.
                changes.incrementAndGet();
                following = true;
                while (keepFollowing.getAsBoolean()) {
                    PGNotification[] received = notifications.getNotifications(NOTIFICATION_WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        changes.incrementAndGet();
                    }
                }
            } finally {
                following = false;
                changes.incrementAndGet();
                // The pool hands this connection out again: it must not go on collecting notifications.
                try (Statement unlisten = connection.createStatement()) {
                    unlisten.execute("UNLISTEN " + CHANNEL);
                } catch (SQLException broken) {
                    // A broken connection listens to nothing, and the pool's validation discards it.
                }
            }
        }
    }

    boolean followingChanges() {
        return following;
    }

    private String readCommitted() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT g.generation, r.revision,
                            (SELECT coalesce(sum(p.next_offset), 0) FROM consumer_position p WHERE p.generation = g.generation)
                     FROM read_model_generation g, read_model_revision r""");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1) + "." + row.getLong(2) + "." + row.getLong(3);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
