package org.unhabitat.targets.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.unhabitat.targets.domain.BudgetLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    private static final String COVERS_YEAR = "startYear <= ?1 and endYear >= ?1";

    @Id
    public String id;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("budgetLine")
    public List<PlanLine> lines = new ArrayList<>();

    public Optional<BigDecimal> envelope(BudgetLine budgetLine) {
        return lines.stream().filter(line -> line.budgetLine == budgetLine).map(line -> line.amountUsd).findFirst();
    }

    public static List<Plan> listByStartYear() {
        return list("order by startYear");
    }

    public static Optional<Plan> covering(int year) {
        return find(COVERS_YEAR, year).firstResultOptional();
    }

    /** The covering plan, locked until the transaction ends: writers of the plan's annual figures take turns. */
    public static Optional<Plan> coveringForUpdate(int year) {
        return find(COVERS_YEAR, year).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<Plan> overlapping(int startYear, int endYear) {
        return list("startYear <= ?1 and endYear >= ?2 order by startYear", endYear, startYear);
    }

    /**
     * Serializes plan definitions until the transaction ends, so that two overlapping plans defined at the
     * same moment cannot both pass the overlap check. Plain reads of plans are not blocked.
     */
    public static void lockForDefinition() {
        getEntityManager().createNativeQuery("LOCK TABLE plan IN EXCLUSIVE MODE").executeUpdate();
    }
}
