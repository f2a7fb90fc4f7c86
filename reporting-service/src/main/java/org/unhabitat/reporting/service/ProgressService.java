package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.domain.Percentages;
import org.unhabitat.reporting.domain.ReportPeriod;
import org.unhabitat.reporting.repository.PlanTarget;
import org.unhabitat.reporting.repository.ReportQueries;
import org.unhabitat.reporting.repository.ReportQueries.LineFigure;
import org.unhabitat.reporting.repository.ReportQueries.LineIncome;
import org.unhabitat.reporting.repository.ReportQueries.LinePledges;
import org.unhabitat.reporting.api.ProgressReport;
import org.unhabitat.reporting.api.ProgressRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProgressService {

    private final ReportQueries queries;
    private final ReportReads reads;

    public ProgressService(ReportQueries queries, ReportReads reads) {
        this.reads = reads;
        this.queries = queries;
    }

    /** Progress in one year against that year's income targets; a line without a target has none. */
    @Transactional
    public ProgressReport forYear(int year, LocalDate asOf) {
        reads.oneMoment();
        Map<BudgetLine, BigDecimal> targets = byLine(queries.annualTargets(year), LineFigure::budgetLine, LineFigure::amountUsd);
        return new ProgressReport(null, year, asOf, rows(targets, year, year, asOf), null).withTotals();
    }

    /** Progress over a plan's years against its envelopes; empty if no event has announced that plan. */
    @Transactional
    public Optional<ProgressReport> againstPlan(String planId, LocalDate asOf) {
        reads.oneMoment();
        List<PlanTarget> envelopes = PlanTarget.ofPlan(planId);
        if (envelopes.isEmpty()) {
            return Optional.empty();
        }
        Map<BudgetLine, BigDecimal> targets = new EnumMap<>(BudgetLine.class);
        envelopes.forEach(envelope -> targets.put(envelope.budgetLine, envelope.amountUsd));
        int startYear = envelopes.get(0).startYear;
        int endYear = envelopes.get(0).endYear;
        return Optional.of(new ProgressReport(planId, null, asOf, rows(targets, startYear, endYear, asOf), null).withTotals());
    }

    private List<ProgressRow> rows(Map<BudgetLine, BigDecimal> targets, int firstYear, int lastYear, LocalDate asOf) {
        ReportPeriod period = ReportPeriod.ofYears(firstYear, lastYear, asOf);
        Map<BudgetLine, LineIncome> income = byLine(queries.incomeByLine(period.from(), period.to()), LineIncome::budgetLine, Function.identity());
        Map<BudgetLine, BigDecimal[]> pledges = new EnumMap<>(BudgetLine.class);
        for (int year = firstYear; year <= lastYear; year++) {
            for (LinePledges line : pledgeBook(year, asOf)) {
                BigDecimal[] sums = pledges.computeIfAbsent(BudgetLine.valueOf(line.budgetLine()), key -> new BigDecimal[]{Money.ZERO, Money.ZERO});
                sums[0] = sums[0].add(line.pledgedUsd());
                sums[1] = sums[1].add(line.outstandingUsd());
            }
        }
        List<ProgressRow> rows = new ArrayList<>();
        for (BudgetLine line : BudgetLine.values()) {
            LineIncome lineIncome = income.get(line);
            BigDecimal received = lineIncome == null ? Money.ZERO : Money.usd(lineIncome.receivedUsd());
            BigDecimal priorYear = lineIncome == null ? Money.ZERO : Money.usd(lineIncome.priorYearUsd());
            BigDecimal[] pledged = pledges.getOrDefault(line, new BigDecimal[]{Money.ZERO, Money.ZERO});
            BigDecimal target = targets.get(line);
            rows.add(new ProgressRow(line.name(), target, received, priorYear, Money.usd(pledged[0]), Money.usd(pledged[1]),
                    Percentages.of(received, target)));
        }
        return rows;
    }

    /** Now: the precomputed book. As of a past day: recomputed from the pledges and payments known by then. */
    private List<LinePledges> pledgeBook(int year, LocalDate asOf) {
        if (asOf == null) {
            return queries.pledgeBook(year);
        }
        return queries.pledgePositionsAsOf(year, asOf).stream()
                .collect(Collectors.groupingBy(ReportQueries.LinePosition::budgetLine))
                .entrySet().stream()
                .map(entry -> new LinePledges(entry.getKey(),
                        entry.getValue().stream().map(p -> p.position().pledgedUsd()).reduce(Money.ZERO, BigDecimal::add),
                        entry.getValue().stream().map(p -> p.position().outstandingUsd()).reduce(Money.ZERO, BigDecimal::add)))
                .toList();
    }

    private static <T, V> Map<BudgetLine, V> byLine(List<T> rows, Function<T, String> line, Function<T, V> value) {
        Map<BudgetLine, V> byLine = new EnumMap<>(BudgetLine.class);
        rows.forEach(row -> byLine.put(BudgetLine.valueOf(line.apply(row)), value.apply(row)));
        return byLine;
    }
}
