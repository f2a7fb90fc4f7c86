package org.unhabitat.contributions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Counts every row a request can write, so a test can prove that hostile requests wrote nothing. Webhook deliveries
 * are left out: they are written by the fan-out of earlier requests' events, whenever those arrive.
 */
public final class Ledger {

    private static final String COUNT = """
            select (select count(*) from contributor) + (select count(*) from exchange_rate) + (select count(*) from pledge)
                 + (select count(*) from pledge_version) + (select count(*) from pledge_schedule_entry)
                 + (select count(*) from payment) + (select count(*) from idempotency_key)
                 + (select count(*) from outbox_event) + (select count(*) from audit_log)
                 + (select count(*) from webhook_subscription)""";

    public static long rows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(COUNT)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Ledger() {
    }
}
