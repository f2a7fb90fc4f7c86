package org.unhabitat.contributions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Removes every webhook endpoint after a test, so that later tests' pledges are not sent to a receiver that is gone. */
public final class WebhookEndpoints {

    public static void deleteAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM webhook_subscription");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebhookEndpoints() {
    }
}
