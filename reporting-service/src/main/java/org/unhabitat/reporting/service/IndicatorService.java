package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.domain.Percentages;
import org.unhabitat.reporting.domain.ReportPeriod;
import org.unhabitat.reporting.domain.RunRateForecast;
import org.unhabitat.reporting.repository.ReportQueries;
import org.unhabitat.reporting.repository.ReportQueries.KeyedIncome;
import org.unhabitat.reporting.repository.ReportQueries.LineIncome;
import org.unhabitat.reporting.api.Forecast;
import org.unhabitat.reporting.api.Indicators;
import org.unhabitat.reporting.api.ProgressReport;
import org.unhabitat.reporting.api.ProgressRow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Funding Compact indicators and the year-end forecast. */
@ApplicationScoped
public class IndicatorService {

    /** The regular budget is assessed, not voluntary: the Funding Compact's shares are of the other three lines. */
    private static final Set<String> VOLUNTARY_LINES = Set.of(BudgetLine.FOUNDATION_NON_EARMARKED.name(),
            BudgetLine.FOUNDATION_EARMARKED.name(), BudgetLine.TECHNICAL_COOPERATION.name());

    private final ReportQueries queries;
    private final ReportReads reads;
    private final ProgressService progress;
    private final Clock clock;

    public IndicatorService(ReportQueries queries, ProgressService progress, Clock clock, ReportReads reads) {
        this.reads = reads;
        this.queries = queries;
        this.progress = progress;
        this.clock = clock;
    }

    @Transactional
    public Indicators indicators(int year, LocalDate asOf) {
        reads.oneMoment();
        ReportPeriod period = ReportPeriod.ofYear(year, asOf);
        List<LineIncome> byLine = queries.incomeByLine(period.from(), period.to());
        BigDecimal voluntary = byLine.stream().filter(line -> VOLUNTARY_LINES.contains(line.budgetLine()))
                .map(LineIncome::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal core = byLine.stream().filter(line -> BudgetLine.FOUNDATION_NON_EARMARKED.name().equals(line.budgetLine()))
                .map(LineIncome::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal softly = sumOf(queries.incomeByEarmarking(period.from(), period.to()), "SOFTLY_EARMARKED");
        BigDecimal multiYear = sumOf(queries.incomeByMultiYear(period.from(), period.to()), "true");
        List<KeyedIncome> byType = queries.incomeByContributorType(period.from(), period.to());
        BigDecimal all = byType.stream().map(KeyedIncome::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
        List<Indicators.TypeShare> mix = byType.stream()
                .sorted(Comparator.comparing(KeyedIncome::receivedUsd).reversed().thenComparing(KeyedIncome::key))
                .map(type -> new Indicators.TypeShare(type.key(), Money.usd(type.receivedUsd()), Percentages.of(type.receivedUsd(), all)))
                .toList();
        return new Indicators(year, asOf, Money.usd(voluntary), Money.usd(core), Percentages.of(core, voluntary),
                Money.usd(softly), Percentages.of(softly, voluntary), Money.usd(multiYear), Percentages.of(multiYear, voluntary),
                queries.memberStatesWithIncome(period.from(), period.to()), mix);
    }

    @Transactional
    public Forecast forecast(int year, LocalDate asOf) {
        reads.oneMoment();
        LocalDate from = asOf != null ? asOf : LocalDate.now(clock);
        ProgressReport report = progress.forYear(year, from);
        RunRateForecast method = new RunRateForecast(year, from);
        List<Forecast.Line> lines = report.lines().stream().map(row -> line(row, method)).toList();
        return new Forecast(year, from, RunRateForecast.METHOD, lines, line(report.totals(), method));
    }

    private static Forecast.Line line(ProgressRow row, RunRateForecast method) {
        BigDecimal runRate = method.runRate(row.receivedUsd());
        BigDecimal forecast = method.forecast(row.receivedUsd(), row.outstandingUsd());
        return new Forecast.Line(row.budgetLine(), row.targetUsd(), row.receivedUsd(), row.outstandingUsd(), runRate, forecast,
                Percentages.of(forecast, row.targetUsd()));
    }

    private static BigDecimal sumOf(List<KeyedIncome> rows, String key) {
        return rows.stream().filter(row -> key.equals(row.key())).map(KeyedIncome::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
    }
}
