package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.Percentages;
import org.unhabitat.reporting.repository.PlanTarget;
import org.unhabitat.reporting.rest.dto.ProgressReport;
import org.unhabitat.reporting.rest.dto.ProgressRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProgressService {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    /** Progress against a plan's envelopes; empty if no event has announced that plan. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgressReport> againstPlan(String planId) {
        Map<BudgetLine, BigDecimal> envelopes = PlanTarget.ofPlan(planId).stream()
                .collect(Collectors.toMap(target -> target.budgetLine, target -> target.amountUsd));
        if (envelopes.isEmpty()) {
            return Optional.empty();
        }
        List<ProgressRow> rows = new ArrayList<>();
        for (BudgetLine line : BudgetLine.values()) {
            BigDecimal target = envelopes.getOrDefault(line, ZERO);
            rows.add(row(line.name(), target, ZERO, ZERO, ZERO, ZERO));
        }
        return Optional.of(new ProgressReport(planId, null, null, rows, totals(rows)));
    }

    private static ProgressRow totals(List<ProgressRow> rows) {
        return row(null,
                sum(rows, ProgressRow::targetUsd),
                sum(rows, ProgressRow::receivedUsd),
                sum(rows, ProgressRow::priorYearUsd),
                sum(rows, ProgressRow::pledgedUsd),
                sum(rows, ProgressRow::outstandingUsd));
    }

    private static ProgressRow row(String line, BigDecimal target, BigDecimal received, BigDecimal priorYear,
                                   BigDecimal pledged, BigDecimal outstanding) {
        return new ProgressRow(line, target, received, priorYear, pledged, outstanding, Percentages.of(received, target));
    }

    private static BigDecimal sum(List<ProgressRow> rows, Function<ProgressRow, BigDecimal> field) {
        return rows.stream().map(field).reduce(ZERO, BigDecimal::add);
    }
}
