package org.unhabitat.contributions.repository;

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
import java.time.ZoneOffset;

/**
 * Writes a new pledge with its first version and schedule as plain statements on the caller's transaction's
 * connection. Recording a pledge is the partners' hot path: persisting the entities cost several times these
 * inserts in Hibernate's persist, cascade and flush (deploy/bench/README.md). Later changes to a pledge still go
 * through its entity, which reads what these statements wrote.
 */
@ApplicationScoped
public class PledgeInserts {

    private final DataSource dataSource;

    public PledgeInserts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts {@code pledge}, which must be new, and every version it holds with its schedule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Pledge pledge) {
        try (Connection connection = dataSource.getConnection()) {
            insertPledge(connection, pledge);
            for (PledgeVersion version : pledge.versions) {
                version.id = insertVersion(connection, version);
                insertSchedule(connection, version);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static void insertPledge(Connection connection, Pledge pledge) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO pledge (id, contributor_code, budget_line, earmarking, region, programme_code, channel, modality,
                                    currency, amount, fx_rate, fx_rate_revision, usd_amount, pledged_on, reference, status,
                                    version, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, pledge.id);
            insert.setString(2, pledge.contributor.code);
            insert.setString(3, pledge.budgetLine.name());
            insert.setString(4, pledge.earmarking.name());
            insert.setString(5, pledge.region.name());
            insert.setString(6, pledge.programmeCode);
            insert.setString(7, pledge.channel.name());
            insert.setString(8, pledge.modality.name());
            insert.setString(9, pledge.currency);
            insert.setBigDecimal(10, pledge.amount);
            insert.setBigDecimal(11, pledge.fxRate);
            insert.setInt(12, pledge.fxRateRevision);
            insert.setBigDecimal(13, pledge.usdAmount);
            insert.setObject(14, pledge.pledgedOn);
            insert.setString(15, pledge.reference);
            insert.setString(16, pledge.status.name());
            insert.setInt(17, pledge.version);
            insert.setString(18, pledge.recordedBy);
            insert.setObject(19, utc(pledge.recordedAt));
            insert.executeUpdate();
        }
    }

    private static long insertVersion(Connection connection, PledgeVersion version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO pledge_version (pledge_id, version, amount, usd_amount, reason, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setObject(1, version.pledge.id);
            insert.setInt(2, version.version);
            insert.setBigDecimal(3, version.amount);
            insert.setBigDecimal(4, version.usdAmount);
            insert.setString(5, version.reason);
            insert.setString(6, version.recordedBy);
            insert.setObject(7, utc(version.recordedAt));
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static void insertSchedule(Connection connection, PledgeVersion version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO pledge_schedule_entry (version_id, schedule_year, amount, usd_amount, due_on)
                VALUES (?, ?, ?, ?, ?)""")) {
            for (ScheduleEntry entry : version.schedule) {
                insert.setLong(1, version.id);
                insert.setInt(2, entry.scheduleYear);
                insert.setBigDecimal(3, entry.amount);
                insert.setBigDecimal(4, entry.usdAmount);
                insert.setObject(5, entry.dueOn);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
