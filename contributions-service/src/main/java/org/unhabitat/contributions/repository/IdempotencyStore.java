package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.unhabitat.contributions.service.WriteReceipt;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Stored idempotency keys with the write they produced; see V2__contributions.sql and V5__idempotency_receipts.sql.
 * Every partner write reads and writes one, so both are plain statements on the ORM's connection.
 */
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
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT request_hash, created_id, response_body
                    FROM idempotency_key WHERE caller = ? AND idempotency_key = ?""")) {
                query.setString(1, caller);
                query.setString(2, key);
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new StoredKey(row.getString(1), new WriteReceipt(row.getString(2), row.getString(3))))
                            : Optional.empty();
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String caller, String key, StoredKey stored, Instant createdAt) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_id, response_body, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, stored.requestHash());
                insert.setString(4, stored.receipt().createdId());
                insert.setString(5, stored.receipt().body());
                insert.setObject(6, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }

    @Transactional
    public int deleteCreatedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
