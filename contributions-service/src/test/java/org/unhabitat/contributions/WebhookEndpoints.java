package org.unhabitat.contributions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Removes every webhook endpoint after a test, so that later tests' pledges are not sent to a receiver that is gone. */
public final class WebhookEndpoints {

    /**
     * One endpoint per transaction, as the API deletes them: one statement deleting several could deadlock with a
     * fan-out that is adding deliveries to two of them in the other order.
     */
    public static void deleteAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM webhook_subscription");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?")) {
                for (UUID id : ids) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebhookEndpoints() {
    }
}
