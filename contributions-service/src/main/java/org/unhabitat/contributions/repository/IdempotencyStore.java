package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.service.WriteReceipt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored idempotency keys with the write they produced; see V2__contributions.sql and V5__idempotency_receipts.sql. */
@ApplicationScoped
public class IdempotencyStore {

    public record StoredKey(String requestHash, WriteReceipt receipt) {
    }

    private final EntityManager entityManager;

    public IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredKey> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, created_id, response_body
                        FROM idempotency_key WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        return rows.stream().findFirst()
                .map(row -> new StoredKey((String) row[0], new WriteReceipt((String) row[1], (String) row[2])));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String caller, String key, StoredKey stored, Instant createdAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_id, response_body,
                                                     created_at)
                        VALUES (:caller, :key, :hash, CAST(:createdId AS VARCHAR), :body, :createdAt)""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", stored.requestHash())
                .setParameter("createdId", stored.receipt().createdId())
                .setParameter("body", stored.receipt().body()).setParameter("createdAt", createdAt)
                .executeUpdate();
    }

    @Transactional
    public int deleteCreatedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
