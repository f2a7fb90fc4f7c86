package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.service.WriteReceipt;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Stored idempotency keys with the write they produced; see V2__contributions.sql and V5__idempotency_receipts.sql.
 * Every partner write reads and writes one, so both are plain statements on the transaction's connection.
 */
@ApplicationScoped
public class IdempotencyStore {

    public record StoredKey(String requestHash, WriteReceipt receipt) {
    }

    private final DataSource dataSource;

    public IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredKey> find(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT request_hash, created_id, response_body
                     FROM idempotency_key WHERE caller = ? AND idempotency_key = ?""")) {
            query.setString(1, caller);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new StoredKey(row.getString(1), new WriteReceipt(row.getString(2), row.getString(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String caller, String key, StoredKey stored, Instant createdAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_id, response_body, created_at)
                     VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, stored.requestHash());
            insert.setString(4, stored.receipt().createdId());
            insert.setString(5, stored.receipt().body());
            insert.setObject(6, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Transactional
    public int deleteCreatedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
