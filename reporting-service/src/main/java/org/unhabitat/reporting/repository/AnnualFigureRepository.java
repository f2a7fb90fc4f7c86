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

/** Annual income targets and Board-approved budgets: the highest revision of each year and line wins. */
@ApplicationScoped
public class AnnualFigureRepository {

    public record AnnualFigure(int year, String budgetLine, BigDecimal amountUsd, int revision) {
    }

    private final DataSource dataSource;

    public AnnualFigureRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keepTargetsIfNewer(Collection<AnnualFigure> figures) {
        keepIfNewer(figures, """
                INSERT INTO annual_target (year, budget_line, amount_usd, revision) VALUES (?, ?, ?, ?)
                ON CONFLICT (year, budget_line) DO UPDATE SET amount_usd = excluded.amount_usd, revision = excluded.revision
                WHERE annual_target.revision < excluded.revision""");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keepApprovedBudgetsIfNewer(Collection<AnnualFigure> figures) {
        keepIfNewer(figures, """
                INSERT INTO approved_budget (year, budget_line, amount_usd, revision) VALUES (?, ?, ?, ?)
                ON CONFLICT (year, budget_line) DO UPDATE SET amount_usd = excluded.amount_usd, revision = excluded.revision
                WHERE approved_budget.revision < excluded.revision""");
    }

    private void keepIfNewer(Collection<AnnualFigure> figures, String upsert) {
        if (figures.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (AnnualFigure figure : figures) {
                statement.setInt(1, figure.year());
                statement.setString(2, figure.budgetLine());
                statement.setBigDecimal(3, figure.amountUsd());
                statement.setInt(4, figure.revision());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
