package org.unhabitat.reporting.rest;

import io.agroal.api.AgroalDataSource;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.generative.ApiOperation;
import org.unhabitat.testing.generative.ServiceUnderTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service as the document-driven tests see it: an admin may make every write, finance may not.
 * Snapshots that may be taken are of months long before any test's data (from 1990); a valid
 * request about one dead letter is not sent (there is none to name), nor a valid rebuild, since its replay would run on under the next test (RebuildAndSnapshotTest
 * proves it), while every refused one still is.
 */
final class ReportingUnderTest implements ServiceUnderTest {

    /** Snapshots of months before the last one: the hourly job may take the last month's meanwhile. */
    private static final String OLD_SNAPSHOTS =
            "select count(*) from monthly_snapshot where month < to_char(current_date - interval '1 month', 'YYYY-MM')";
    static final YearMonth FIRST_MONTH = YearMonth.of(1990, 1);

    private final AgroalDataSource dataSource;
    private final AtomicInteger fresh = new AtomicInteger();
    /** Minted once: a run of the suite takes minutes, the tokens last half an hour. */
    private final String allowed = TestTokens.admin();
    private final String mayNot = TestTokens.finance();

    ReportingUnderTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String tokenFor(ApiOperation operation) {
        return allowed;
    }

    @Override
    public String tokenOfARoleThatMayNot(ApiOperation operation) {
        return mayNot;
    }

    @Override
    public Map<String, String> pathValues(ApiOperation operation, boolean freshValues) {
        return Map.of("month", FIRST_MONTH.plusMonths(freshValues && operation.writes() ? fresh.incrementAndGet() : 0).toString());
    }

    @Override
    public boolean sendsValidRequests(ApiOperation operation) {
        // A dead letter exists only once an event failed; DeadLetterResourceTest makes some and redrives them.
        return !operation.path().equals("/api/v1/admin/rebuild") && !operation.path().startsWith("/api/v1/admin/dead-letters/{id}");
    }

    @Override
    public Object ledger() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(OLD_SNAPSHOTS)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
