package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.unhabitat.reporting.messaging.events.AnnualFigureSetV1;

/** Annual income targets and Board-approved budgets: the highest revision of each year and line wins. */
@ApplicationScoped
public class AnnualFigureRepository {

    private final EntityManager entityManager;

    public AnnualFigureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void keepTargetIfNewer(AnnualFigureSetV1 figure) {
        bind(entityManager.createNativeQuery("""
                INSERT INTO annual_target (year, budget_line, amount_usd, revision) VALUES (:year, :line, :amount, :revision)
                ON CONFLICT (year, budget_line) DO UPDATE SET amount_usd = excluded.amount_usd, revision = excluded.revision
                WHERE annual_target.revision < excluded.revision"""), figure).executeUpdate();
    }

    public void keepApprovedBudgetIfNewer(AnnualFigureSetV1 figure) {
        bind(entityManager.createNativeQuery("""
                INSERT INTO approved_budget (year, budget_line, amount_usd, revision) VALUES (:year, :line, :amount, :revision)
                ON CONFLICT (year, budget_line) DO UPDATE SET amount_usd = excluded.amount_usd, revision = excluded.revision
                WHERE approved_budget.revision < excluded.revision"""), figure).executeUpdate();
    }

    private static Query bind(Query query, AnnualFigureSetV1 figure) {
        return query.setParameter("year", figure.year())
                .setParameter("line", figure.budgetLine())
                .setParameter("amount", figure.amountUsd())
                .setParameter("revision", figure.revision());
    }
}
