package org.unhabitat.targets.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.targets.api.AnnualFigureDto;
import org.unhabitat.targets.api.AnnualFigureRequest;
import org.unhabitat.targets.domain.AnnualFigureKind;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.service.AnnualFigureService;

import java.net.URI;
import java.util.List;

/**
 * What the income target and approved budget resources do with a request: a revisable annual amount
 * per budget line, the same for both kinds. Each resource keeps only its path and its documentation.
 */
final class AnnualFigureRequests {

    private final AnnualFigureKind kind;
    private final AnnualFigureService figures;
    private final CurrentCaller caller;

    AnnualFigureRequests(AnnualFigureKind kind, AnnualFigureService figures, CurrentCaller caller) {
        this.kind = kind;
        this.figures = figures;
        this.caller = caller;
    }

    List<AnnualFigureDto> currentOfYear(int year) {
        return figures.currentOfYear(kind, year).orElseThrow(() -> new NotFoundException("No strategic plan covers " + year));
    }

    AnnualFigureDto current(int year, String budgetLine) {
        BudgetLine line = ResourceSupport.budgetLine(budgetLine);
        return figures.current(kind, year, line).orElseThrow(() -> none(year, line));
    }

    List<AnnualFigureDto> history(int year, String budgetLine) {
        BudgetLine line = ResourceSupport.budgetLine(budgetLine);
        List<AnnualFigureDto> history = figures.history(kind, year, line);
        if (history.isEmpty()) {
            throw none(year, line);
        }
        return history;
    }

    Response set(int year, String budgetLine, AnnualFigureRequest body, URI location) {
        BudgetLine line = ResourceSupport.budgetLine(budgetLine);
        return ResourceSupport.written(figures.set(kind, year, line, body.amountUsd(), body.reason(), caller.get().subject()),
                location);
    }

    private NotFoundException none(int year, BudgetLine line) {
        return new NotFoundException("No " + kind.label() + " for " + line.name() + " in " + year);
    }
}
