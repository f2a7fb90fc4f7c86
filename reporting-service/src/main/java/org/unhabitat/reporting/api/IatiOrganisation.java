package org.unhabitat.reporting.api;

import org.unhabitat.reporting.domain.BudgetLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What UN-Habitat publishes about itself in its IATI organisation file, in USD. */
public record IatiOrganisation(Instant lastUpdated, List<YearFigures> budgets, List<RegionBudget> regionBudgets,
                               List<YearFigures> income) {

    /** The targets of the programmes tied to one region, for a year: the only regional figures that are budgets. */
    public record RegionBudget(String region, YearFigures figures) {
    }

    /** A calendar year's total and its breakdown per core budget line; lines without a figure are left out. */
    public record YearFigures(int year, BigDecimal totalUsd, List<LineFigure> lines) {
    }

    public record LineFigure(BudgetLine budgetLine, BigDecimal amountUsd) {
    }
}
