package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Remembers which events were applied, in the same transaction as their effect on the read model. */
@ApplicationScoped
public class InboxRepository {

    /** An event about to be applied: its id, and its type for the operators' eyes. */
    public record Claim(UUID eventId, String eventType) {
    }

    private final DataSource dataSource;

    public InboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the events for the current transaction, in one statement.
     *
     * @return the ids of those not applied before; the caller applies only these
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claim(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO inbox_event (event_id, event_type)
                     SELECT * FROM unnest(?::uuid[], ?::varchar[])
                     ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
            insert.setArray(1, connection.createArrayOf("uuid", claims.stream().map(Claim::eventId).toArray()));
            insert.setArray(2, connection.createArrayOf("varchar", claims.stream().map(Claim::eventType).toArray()));
            Set<UUID> claimed = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getObject(1, UUID.class));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
