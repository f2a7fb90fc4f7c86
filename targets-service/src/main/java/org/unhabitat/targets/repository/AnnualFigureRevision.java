package org.unhabitat.targets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.unhabitat.targets.domain.AnnualFigureKind;
import org.unhabitat.targets.domain.BudgetLine;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One revision of an income target or approved budget; never updated once written. */
@Entity
@Table(name = "annual_figure_revision")
public class AnnualFigureRevision extends AmountRevision {

    /** Restricts a query to the latest revision of each (kind, year, line), which is the current value. */
    private static final String LATEST = """
            r.revision = (select max(other.revision) from AnnualFigureRevision other
                          where other.kind = r.kind and other.year = r.year and other.budgetLine = r.budgetLine)""";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AnnualFigureKind kind;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "budget_line", nullable = false, length = 32)
    public BudgetLine budgetLine;

    /** A revision not yet numbered or filled: {@code AmountRevisions.next} does that. */
    public static AnnualFigureRevision of(AnnualFigureKind kind, int year, BudgetLine budgetLine) {
        AnnualFigureRevision revision = new AnnualFigureRevision();
        revision.kind = kind;
        revision.year = year;
        revision.budgetLine = budgetLine;
        return revision;
    }

    public static List<AnnualFigureRevision> history(AnnualFigureKind kind, int year, BudgetLine line) {
        return list("from AnnualFigureRevision r where r.kind = ?1 and r.year = ?2 and r.budgetLine = ?3 order by r.revision",
                kind, year, line);
    }

    public static Optional<AnnualFigureRevision> current(AnnualFigureKind kind, int year, BudgetLine line) {
        return find("from AnnualFigureRevision r where r.kind = ?1 and r.year = ?2 and r.budgetLine = ?3 and " + LATEST,
                kind, year, line).firstResultOptional();
    }

    /** The current value of every line that has one, in the given years, ordered by year then board order. */
    public static List<AnnualFigureRevision> currentBetween(AnnualFigureKind kind, int firstYear, int lastYear) {
        // Sorted here: the column holds the line's name, and board order is not alphabetical.
        return AnnualFigureRevision.<AnnualFigureRevision>list(
                        "from AnnualFigureRevision r where r.kind = ?1 and r.year between ?2 and ?3 and " + LATEST,
                        kind, firstYear, lastYear).stream()
                .sorted(Comparator.comparingInt((AnnualFigureRevision figure) -> figure.year).thenComparing(figure -> figure.budgetLine))
                .toList();
    }
}
