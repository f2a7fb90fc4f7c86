package org.unhabitat.platform.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
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

/**
 * The consumer side of exactly-once effects: an event's id is recorded in the transaction of its effect, so a
 * redelivered event (at-least-once delivery, a rebalance, a restart before the offset was committed) changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = Inbox.ENABLED, stringValue = "true")
public class Inbox {

    /** The build property that switches the inbox on in a service that has its table. */
    public static final String ENABLED = "platform.inbox.enabled";

    private final DataSource dataSource;

    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the event as applied, in the caller's transaction (MANDATORY), and tells whether it is new: false means
     * it was applied before and the caller must do nothing. Two instances given the same event at once: the second
     * waits on the first's uncommitted row, then sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(IncomingEvent event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO inbox_event (event_id, event_type, received_at) VALUES (?, ?, now())
                     ON CONFLICT (event_id) DO NOTHING""")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Records a batch of events as applied in one statement, in the caller's transaction (MANDATORY), and returns the
     * ids of those that are new: the caller applies only these. An id given twice in the batch is new once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claimAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO inbox_event (event_id, event_type, received_at)
                     SELECT id, type, now() FROM unnest(?::uuid[], ?::varchar[]) AS claimed (id, type)
                     ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
            insert.setArray(1, connection.createArrayOf("uuid", events.stream().map(IncomingEvent::id).toArray()));
            insert.setArray(2, connection.createArrayOf("varchar", events.stream().map(IncomingEvent::type).toArray()));
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
