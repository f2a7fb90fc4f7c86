package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * PostgreSQL transaction-level advisory locks: released by commit or rollback, and by the server if
 * the connection dies, so a crashed instance never leaves one behind. Plain statements on the ORM's
 * connection: a pledge POST takes one, and a native query cost several times the statement.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final EntityManager entityManager;

    public AdvisoryLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the lock for the rest of the transaction if nobody holds it; never waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String... parts) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                query.setLong(1, lockId(parts));
                try (ResultSet taken = query.executeQuery()) {
                    taken.next();
                    return taken.getBoolean(1);
                }
            }
        });
    }

    /** Waits for the lock and holds it for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String... parts) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                query.setLong(1, lockId(parts));
                query.executeQuery().close();
            }
        });
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
