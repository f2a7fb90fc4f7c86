package org.unhabitat.targets.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.domain.ProgrammeKind;
import org.unhabitat.targets.domain.Region;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A programme in its current definition. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "budget_line", nullable = false)
    public BudgetLine budgetLine;

    @Enumerated(EnumType.STRING)
    public Region region;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    /** Null while the programme has no planned end, e.g. a standing thematic window. */
    @Column(name = "end_year")
    public Integer endYear;

    /** Who defined the programme as it is now, and when: the first definition or the latest change. */
    @Column(name = "defined_by", nullable = false)
    public String definedBy;

    @Column(name = "defined_at", nullable = false)
    public OffsetDateTime definedAt;

    public boolean runsIn(int year) {
        return year >= startYear && (endYear == null || year <= endYear);
    }

    public static List<Programme> listByCode() {
        return list("order by code");
    }

    /**
     * Serializes definitions of one code until the transaction ends, also its first one, which has no row to lock yet:
     * two first definitions at once would otherwise both insert.
     */
    public static void lockForDefinition(String code) {
        getEntityManager().createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext('programme:' || :code)) AS TEXT)")
                .setParameter("code", code).getSingleResult();
    }

    /** Locked until the transaction ends, so that writers of one programme's targets take turns. */
    public static Optional<Programme> findForUpdate(String code) {
        return find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
