package org.unhabitat.targets.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("budgetLine")
    public List<PlanLine> lines = new ArrayList<>();
}
