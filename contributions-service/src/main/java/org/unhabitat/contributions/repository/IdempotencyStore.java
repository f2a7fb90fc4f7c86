package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored idempotency keys with the response they produced; see V2__contributions.sql. */
@ApplicationScoped
public class IdempotencyStore {

    public record StoredKey(String requestHash, int status, String location, String body) {
    }

    private final EntityManager entityManager;

    public IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredKey> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, response_status, response_location, response_body
                        FROM idempotency_key WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        return rows.stream().findFirst()
                .map(row -> new StoredKey((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String caller, String key, StoredKey stored, Instant createdAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (caller, idempotency_key, request_hash, response_status,
                                                     response_location, response_body, created_at)
                        VALUES (:caller, :key, :hash, :status, CAST(:location AS VARCHAR), :body, :createdAt)""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", stored.requestHash())
                .setParameter("status", stored.status()).setParameter("location", stored.location())
                .setParameter("body", stored.body()).setParameter("createdAt", createdAt)
                .executeUpdate();
    }

    @Transactional
    public int deleteCreatedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
