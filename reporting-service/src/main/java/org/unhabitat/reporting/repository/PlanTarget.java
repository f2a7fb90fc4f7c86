package org.unhabitat.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.unhabitat.reporting.domain.BudgetLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A plan's envelope for one budget line, as last announced by targets-service. */
@Entity
@Table(name = "plan_target")
@IdClass(PlanTarget.Key.class)
public class PlanTarget extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "budget_line")
    public BudgetLine budgetLine;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @Column(name = "amount_usd", nullable = false, precision = 15, scale = 2)
    public BigDecimal amountUsd;

    public static List<PlanTarget> ofPlan(String planId) {
        return list("planId", planId);
    }

    public static class Key implements Serializable {
        public String planId;
        public BudgetLine budgetLine;

        public Key() {
        }

        public Key(String planId, BudgetLine budgetLine) {
            this.planId = planId;
            this.budgetLine = budgetLine;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(planId, key.planId) && budgetLine == key.budgetLine;
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, budgetLine);
        }
    }
}
