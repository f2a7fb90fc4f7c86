package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where consumption stands in each partition, and the read model's generation. A position is moved only
 * in the transaction that applied the records before it, under its row's lock.
 */
@ApplicationScoped
public class PositionRepository {

    /** The next record to apply in a partition, as of the generation that wrote it. */
    public record StoredPosition(long nextOffset, long generation) {
    }

    private final DataSource dataSource;
    private final ReadModelVersionRepository versions;

    public PositionRepository(DataSource dataSource, ReadModelVersionRepository versions) {
        this.dataSource = dataSource;
        this.versions = versions;
    }

    /**
     * The positions of these partitions, each locked until the transaction ends; a partition never seen
     * before starts at its beginning in the current generation. Locked in partition order, so that two
     * transactions over overlapping partitions wait rather than deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Integer, StoredPosition> lock(String topic, Collection<Integer> partitions) {
        Integer[] sorted = partitions.stream().sorted().toArray(Integer[]::new);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO consumer_position (topic, partition_no, next_offset, generation)
                    SELECT ?, p, 0, (SELECT generation FROM read_model_generation) FROM unnest(?::int[]) AS p
                    ON CONFLICT (topic, partition_no) DO NOTHING""")) {
                insert.setString(1, topic);
                insert.setArray(2, connection.createArrayOf("int4", sorted));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT partition_no, next_offset, generation FROM consumer_position
                    WHERE topic = ? AND partition_no = ANY(?) ORDER BY partition_no FOR UPDATE""")) {
                select.setString(1, topic);
                select.setArray(2, connection.createArrayOf("int4", sorted));
                Map<Integer, StoredPosition> positions = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        positions.put(rows.getInt(1), new StoredPosition(rows.getLong(2), rows.getLong(3)));
                    }
                }
                return positions;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Moves each partition's position to the offset after the last record consumed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String topic, Map<Integer, Long> nextOffsets) {
        versions.changingInThisTransaction();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE consumer_position SET next_offset = ? WHERE topic = ? AND partition_no = ?")) {
            for (Map.Entry<Integer, Long> position : new TreeMap<>(nextOffsets).entrySet()) {
                update.setLong(1, position.getValue());
                update.setString(2, topic);
                update.setInt(3, position.getKey());
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Every stored position, keyed by topic and then partition. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Map<Integer, Long>> all() {
        Map<String, Map<Integer, Long>> positions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT topic, partition_no, next_offset FROM consumer_position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                positions.computeIfAbsent(rows.getString(1), topic -> new HashMap<>()).put(rows.getInt(2), rows.getLong(3));
            }
            return positions;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long generation() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT generation FROM read_model_generation");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Waits for every transaction that holds a position to end, and keeps new ones out until this one
     * ends: no batch is half applied to the old read model and half to the new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAgainstConsumption() {
        execute("LOCK TABLE consumer_position IN EXCLUSIVE MODE");
    }

    /**
     * Keeps a rebuild from starting until this transaction ends, and waits for one under way: what this
     * transaction reads of the positions and the read model belongs to one generation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepRebuildsOut() {
        execute("LOCK TABLE consumer_position IN ROW SHARE MODE");
    }

    /** Starts a new generation with every partition at its beginning; returns the generation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long restartFromTheBeginning() {
        versions.changingInThisTransaction();
        try (Connection connection = dataSource.getConnection()) {
            long generation;
            try (PreparedStatement next = connection.prepareStatement(
                    "UPDATE read_model_generation SET generation = generation + 1, changed_at = now() RETURNING generation");
                 ResultSet row = next.executeQuery()) {
                row.next();
                generation = row.getLong(1);
            }
            try (PreparedStatement reset = connection.prepareStatement(
                    "UPDATE consumer_position SET next_offset = 0, generation = ?")) {
                reset.setLong(1, generation);
                reset.executeUpdate();
            }
            return generation;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
