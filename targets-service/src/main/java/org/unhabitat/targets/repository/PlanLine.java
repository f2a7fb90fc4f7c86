package org.unhabitat.targets.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.unhabitat.targets.domain.BudgetLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

@Entity
@Table(name = "plan_line")
@IdClass(PlanLine.Key.class)
public class PlanLine extends PanacheEntityBase {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "budget_line", length = 32)
    public BudgetLine budgetLine;

    @Column(name = "amount_usd", nullable = false, precision = 15, scale = 2)
    public BigDecimal amountUsd;

    public static class Key implements Serializable {
        public String plan;
        public BudgetLine budgetLine;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(plan, key.plan) && budgetLine == key.budgetLine;
        }

        @Override
        public int hashCode() {
            return Objects.hash(plan, budgetLine);
        }
    }
}
