package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unhabitat.contributions.domain.BudgetLine;

import java.time.Instant;

/** A programme targets-service announced, as its latest event defined it: this service's own copy, never a call. */
@Entity
@Table(name = "known_programme")
public class KnownProgramme extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "budget_line", nullable = false)
    public BudgetLine budgetLine;

    /** When targets-service defined the programme as known here; an older definition never replaces a newer one. */
    @Column(name = "defined_at", nullable = false)
    public Instant definedAt;
}
