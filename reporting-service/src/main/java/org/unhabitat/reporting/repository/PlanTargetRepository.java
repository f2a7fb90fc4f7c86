package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Plan envelopes per line, as last announced by targets-service. */
@ApplicationScoped
public class PlanTargetRepository {

    public record PlanLine(String planId, String budgetLine, int startYear, int endYear, BigDecimal amountUsd) {
    }

    private final DataSource dataSource;

    public PlanTargetRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Collection<PlanLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO plan_target (plan_id, budget_line, start_year, end_year, amount_usd) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (plan_id, budget_line) DO UPDATE SET start_year = excluded.start_year,
                         end_year = excluded.end_year, amount_usd = excluded.amount_usd""")) {
            for (PlanLine line : lines) {
                upsert.setString(1, line.planId());
                upsert.setString(2, line.budgetLine());
                upsert.setInt(3, line.startYear());
                upsert.setInt(4, line.endYear());
                upsert.setBigDecimal(5, line.amountUsd());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
