package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL transaction-level advisory locks: released by commit or rollback, and by the server if
 * the connection dies, so a crashed instance never leaves one behind. Plain statements on the transaction's
 * connection: a pledge POST takes one, and a native query cost several times the statement.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final DataSource dataSource;

    public AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock for the rest of the transaction if nobody holds it; never waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String... parts) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            query.setLong(1, lockId(parts));
            try (ResultSet taken = query.executeQuery()) {
                taken.next();
                return taken.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Waits for the lock and holds it for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String... parts) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            query.setLong(1, lockId(parts));
            query.executeQuery().close();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * 64 bits of a SHA-256 of the parts; a collision only makes two unrelated requests wait for each
     * other. Public so that an operator (or a test) can find or hold the very lock a request takes.
     */
    public static long lockId(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
