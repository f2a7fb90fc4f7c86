package org.unhabitat.reporting.api;

import org.unhabitat.reporting.domain.BudgetLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What UN-Habitat publishes about itself in its IATI organisation file, in USD. */
public record IatiOrganisation(Instant lastUpdated, List<YearFigures> budgets, List<YearFigures> income) {

    /** A calendar year's total and its breakdown per core budget line; lines without a figure are left out. */
    public record YearFigures(int year, BigDecimal totalUsd, List<LineFigure> lines) {
    }

    public record LineFigure(BudgetLine budgetLine, BigDecimal amountUsd) {
    }
}
