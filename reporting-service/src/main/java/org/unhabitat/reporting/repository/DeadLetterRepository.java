package org.unhabitat.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records that were not applied, kept whole so that they can be applied again: one row per place in a
 * topic, whatever the number of rebuilds that met it. Discarded ones stay, with who and why, out of the list.
 */
@ApplicationScoped
public class DeadLetterRepository {

    public static final String REJECTED = "REJECTED";
    public static final String PARKED = "PARKED";

    /** A record as it was read, and why it was not applied. */
    public record Failure(String id, String topic, int partition, long offset, String kind, String eventType, String key,
                          Map<String, String> headers, String payload, String reason) {
    }

    public record DeadLetter(String id, String topic, int partition, long offset, String kind, String eventType, String key,
                             Map<String, String> headers, String payload, String reason, Instant firstFailedAt,
                             Instant lastFailedAt, int attempts) {
    }

    /** Where a page of the list continues: after this place in this topic. */
    public record Place(String topic, int partition, long offset) {
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, topic, partition_no, record_offset, kind, event_type, record_key, headers, payload, reason,
            first_failed_at, last_failed_at, attempts""";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public DeadLetterRepository(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Lists each failure, or counts one more attempt of a record listed already; a discarded record stays
     * discarded. A rejected record's entry is published to the dead-letter topic once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Collection<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO dead_letter (id, topic, partition_no, record_offset, kind, event_type, record_key, headers,
                                              payload, reason, first_failed_at, last_failed_at, attempts)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), 1)
                     ON CONFLICT (topic, partition_no, record_offset) DO UPDATE SET kind = excluded.kind,
                         event_type = excluded.event_type, reason = excluded.reason, last_failed_at = now(),
                         attempts = dead_letter.attempts + 1""")) {
            for (Failure failure : failures) {
                upsert.setString(1, failure.id());
                upsert.setString(2, failure.topic());
                upsert.setInt(3, failure.partition());
                upsert.setLong(4, failure.offset());
                upsert.setString(5, failure.kind());
                upsert.setString(6, failure.eventType());
                upsert.setString(7, failure.key());
                upsert.setString(8, json(failure.headers()));
                upsert.setString(9, failure.payload());
                upsert.setString(10, failure.reason());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Forgets the entries of records that have now been applied, between two offsets of a partition. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetApplied(String topic, Map<Integer, List<Long>> appliedOffsets) {
        if (appliedOffsets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM dead_letter WHERE topic = ? AND partition_no = ? AND record_offset = ANY(?)")) {
            for (Map.Entry<Integer, List<Long>> partition : appliedOffsets.entrySet()) {
                delete.setString(1, topic);
                delete.setInt(2, partition.getKey());
                delete.setArray(3, connection.createArrayOf("int8", partition.getValue().toArray()));
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Entries in topic, partition and offset order, after {@code after} when given; discarded ones are left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeadLetter> list(Place after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM dead_letter WHERE discarded_at IS NULL"
                + " AND (topic, partition_no, record_offset) > (?, ?, ?) ORDER BY topic, partition_no, record_offset LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, after == null ? "" : after.topic());
            select.setInt(2, after == null ? Integer.MIN_VALUE : after.partition());
            select.setLong(3, after == null ? Long.MIN_VALUE : after.offset());
            select.setInt(4, limit);
            return read(select);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** The entry, locked until the transaction ends, unless it was discarded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeadLetter> lock(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM dead_letter WHERE id = ? AND discarded_at IS NULL FOR UPDATE")) {
            select.setString(1, id);
            return read(select).stream().findFirst();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(String id) {
        update("DELETE FROM dead_letter WHERE id = ?", id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failedAgain(String id, String reason) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE dead_letter SET reason = ?, last_failed_at = now(), attempts = attempts + 1 WHERE id = ?")) {
            update.setString(1, reason);
            update.setString(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** @return false if there is no such entry, or it was discarded before */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean discard(String id, String by, String reason) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE dead_letter SET discarded_at = now(), discarded_by = ?, discard_reason = ?
                     WHERE id = ? AND discarded_at IS NULL""")) {
            update.setString(1, by);
            update.setString(2, reason);
            update.setString(3, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Listed entries per kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> countByKind() {
        Map<String, Long> counts = new HashMap<>(Map.of(REJECTED, 0L, PARKED, 0L));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, COUNT(*) FROM dead_letter WHERE discarded_at IS NULL GROUP BY kind");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Rejected records not yet on the dead-letter topic, locked so that two instances do not both send them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeadLetter> lockUnpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + """
                      FROM dead_letter WHERE kind = 'REJECTED' AND published_at IS NULL
                     ORDER BY topic, partition_no, record_offset LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, limit);
            return read(select);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(Collection<String> ids) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE dead_letter SET published_at = now() WHERE id = ANY(?)")) {
            update.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private void update(String sql, String id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private List<DeadLetter> read(PreparedStatement select) throws SQLException {
        List<DeadLetter> deadLetters = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                deadLetters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), headers(rows.getString(8)), rows.getString(9),
                        rows.getString(10), rows.getObject(11, OffsetDateTime.class).toInstant(),
                        rows.getObject(12, OffsetDateTime.class).toInstant(), rows.getInt(13)));
            }
        }
        return deadLetters;
    }

    private String json(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers cannot be written as JSON", e);
        }
    }

    private Map<String, String> headers(String json) {
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored headers are not JSON", e);
        }
    }
}
