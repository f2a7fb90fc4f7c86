package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

/** Programmes as targets-service last defined them. */
@ApplicationScoped
public class ProgrammeRepository {

    /** A programme; {@code region} is null for one not tied to a region, {@code endYear} for one without an end. */
    public record ProgrammeRow(String code, String name, String kind, String budgetLine, String region, int startYear,
                               Integer endYear) {
    }

    public record ProgrammeTarget(String programme, int year, BigDecimal amountUsd, int revision) {
    }

    private final DataSource dataSource;

    public ProgrammeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Collection<ProgrammeRow> programmes) {
        if (programmes.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO programme (code, name, kind, budget_line, region, start_year, end_year) VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                         budget_line = excluded.budget_line, region = excluded.region, start_year = excluded.start_year,
                         end_year = excluded.end_year""")) {
            for (ProgrammeRow programme : programmes) {
                upsert.setString(1, programme.code());
                upsert.setString(2, programme.name());
                upsert.setString(3, programme.kind());
                upsert.setString(4, programme.budgetLine());
                upsert.setString(5, programme.region());
                upsert.setInt(6, programme.startYear());
                if (programme.endYear() == null) {
                    upsert.setNull(7, Types.INTEGER);
                } else {
                    upsert.setInt(7, programme.endYear());
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Keeps each target unless a higher revision is stored: a redriven older revision never wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepTargetsIfNewer(Collection<ProgrammeTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO programme_target (programme, year, amount_usd, revision) VALUES (?, ?, ?, ?)
                     ON CONFLICT (programme, year) DO UPDATE SET amount_usd = excluded.amount_usd, revision = excluded.revision
                     WHERE programme_target.revision < excluded.revision""")) {
            for (ProgrammeTarget target : targets) {
                upsert.setString(1, target.programme());
                upsert.setInt(2, target.year());
                upsert.setBigDecimal(3, target.amountUsd());
                upsert.setInt(4, target.revision());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
