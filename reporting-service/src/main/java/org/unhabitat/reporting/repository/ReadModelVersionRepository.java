package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The read model's version, read without touching the read model: its generation, the sum of the stored
 * positions of that generation (each only ever moves forward, and only in the transaction that applied
 * the records before it, so any change to the read model moves the sum) and the revision that changes
 * made outside consumption move on.
 */
@ApplicationScoped
public class ReadModelVersionRepository {

    private final DataSource dataSource;

    public ReadModelVersionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** As committed now, in a statement of its own. */
    public String current() {
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

    /** In the transaction that changes the read model outside consumption. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedOutsideConsumption() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE read_model_revision SET revision = revision + 1")) {
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
