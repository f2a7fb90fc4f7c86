package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PostgreSQL transaction-level advisory locks: released by commit or rollback, and by the server if
 * the connection dies, so a crashed instance never leaves one behind.
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
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:id)")
                .setParameter("id", lockId(parts)).getSingleResult();
    }

    /** Waits for the lock and holds it for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String... parts) {
        entityManager.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(:id) AS TEXT)")
                .setParameter("id", lockId(parts)).getSingleResult();
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
