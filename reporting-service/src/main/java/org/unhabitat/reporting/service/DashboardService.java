package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.api.DashboardData;
import org.unhabitat.reporting.api.DashboardData.DonorChanges;
import org.unhabitat.reporting.api.DashboardData.LineContributors;
import org.unhabitat.reporting.api.DashboardData.Partner;
import org.unhabitat.reporting.api.DashboardData.RegionFigures;
import org.unhabitat.reporting.api.DonorBase;
import org.unhabitat.reporting.api.MonthlyUpdate;
import org.unhabitat.reporting.api.PlanDashboard;
import org.unhabitat.reporting.api.PlanDashboard.PlanYear;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.domain.Percentages;
import org.unhabitat.reporting.domain.ReportPeriod;
import org.unhabitat.reporting.repository.DashboardQueries;
import org.unhabitat.reporting.repository.DashboardQueries.RegionPledges;
import org.unhabitat.reporting.repository.PlanTarget;
import org.unhabitat.reporting.repository.ReportQueries;
import org.unhabitat.reporting.repository.ReportQueries.ContributorIncome;
import org.unhabitat.reporting.repository.ReportQueries.LineIncome;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The dashboard's figures, each view read at one moment of the read model. */
@ApplicationScoped
public class DashboardService {

    private static final int TOP_CONTRIBUTORS = 10;
    private static final LocalDate FIRST_DAY = LocalDate.of(1945, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private final ReportReads reads;
    private final ProgressService progress;
    private final DonorReportService donors;
    private final IndicatorService indicators;
    private final ReportQueries reports;
    private final DashboardQueries queries;
    private final Clock clock;

    public DashboardService(ReportReads reads, ProgressService progress, DonorReportService donors, IndicatorService indicators,
                            ReportQueries reports, DashboardQueries queries, Clock clock) {
        this.reads = reads;
        this.progress = progress;
        this.donors = donors;
        this.indicators = indicators;
        this.reports = reports;
        this.queries = queries;
        this.clock = clock;
    }

    /** The most recent year with income received: the current calendar year often has none yet. */
    @Transactional
    public int latestYearWithIncome() {
        reads.oneMoment();
        return queries.lastIncomeDay(FIRST_DAY, LAST_DAY).map(LocalDate::getYear).orElse(LocalDate.now(clock).getYear());
    }

    @Transactional
    public DashboardData dashboard(int year, LocalDate asOf) {
        reads.oneMoment();
        ReportPeriod period = ReportPeriod.ofYear(year, asOf);
        List<LineContributors> topPerLine = Stream.of(BudgetLine.values())
                .map(line -> new LineContributors(line.name(), donors.topContributors(year, line, TOP_CONTRIBUTORS, asOf)))
                .toList();
        return new DashboardData(year, asOf, queries.lastIncomeDay(period.from(), period.to()).orElse(null),
                progress.forYear(year, asOf), regions(year, asOf, period.to()), donors.monthly(year, null, asOf), topPerLine,
                donorChanges(donors.donorBase(year, asOf)), indicators.indicators(year, asOf), indicators.forecast(year, asOf));
    }

    /** Empty if no event has announced the plan. */
    @Transactional
    public Optional<PlanDashboard> plan(String planId, LocalDate asOf) {
        reads.oneMoment();
        return progress.againstPlan(planId, asOf).map(report -> {
            PlanTarget envelope = PlanTarget.ofPlan(planId).get(0);
            int startYear = envelope.startYear;
            int endYear = envelope.endYear;
            ReportPeriod period = ReportPeriod.ofYears(startYear, endYear, asOf);
            LocalDate lastIncomeDay = queries.lastIncomeDay(period.from(), period.to()).orElse(null);
            // Years after the last income would only repeat its total, and may not have begun.
            List<PlanYear> years = new ArrayList<>();
            for (int year = startYear; lastIncomeDay != null && year <= lastIncomeDay.getYear(); year++) {
                years.add(planYear(year, ReportPeriod.ofYears(startYear, year, asOf)));
            }
            return new PlanDashboard(planId, asOf, lastIncomeDay, report, years);
        });
    }

    @Transactional
    public MonthlyUpdate monthlyUpdate(YearMonth month) {
        reads.oneMoment();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<String, BigDecimal> byLine = reports.incomeByLine(first, last).stream()
                .collect(Collectors.toMap(LineIncome::budgetLine, LineIncome::receivedUsd, BigDecimal::add));
        List<MonthlyUpdate.LineIncome> monthIncome = Stream.of(BudgetLine.values())
                .map(line -> new MonthlyUpdate.LineIncome(line.name(), Money.usd(byLine.getOrDefault(line.name(), Money.ZERO))))
                .toList();
        BigDecimal total = monthIncome.stream().map(MonthlyUpdate.LineIncome::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
        List<ContributorIncome> paid = reports.incomeByContributor(first, last, null).stream()
                .filter(income -> income.receivedUsd().signum() > 0).toList();
        // Only partners whose own event has arrived are named: an unknown one may be an individual.
        List<String> named = paid.stream()
                .filter(income -> income.type() != null && !"INDIVIDUAL".equals(income.type()))
                .map(ContributorIncome::name).sorted().toList();
        boolean individuals = paid.stream().anyMatch(income -> "INDIVIDUAL".equals(income.type()));
        DonorChanges changes = donorChanges(donors.donorBase(month.getYear(), last));
        return new MonthlyUpdate(month, last, progress.forYear(month.getYear(), last), monthIncome, total, named, individuals,
                changes.newDonors(), changes.increased());
    }

    private PlanYear planYear(int year, ReportPeriod period) {
        Map<String, BigDecimal> byLine = reports.incomeByLine(period.from(), period.to()).stream()
                .collect(Collectors.toMap(LineIncome::budgetLine, LineIncome::receivedUsd, BigDecimal::add));
        List<BigDecimal> cumulative = Stream.of(BudgetLine.values())
                .map(line -> Money.usd(byLine.getOrDefault(line.name(), Money.ZERO))).toList();
        return new PlanYear(year, cumulative, cumulative.stream().reduce(Money.ZERO, BigDecimal::add));
    }

    private List<RegionFigures> regions(int year, LocalDate asOf, LocalDate cutOff) {
        Map<String, BigDecimal> pledged = queries.pledgedByRegion(year, cutOff).stream()
                .collect(Collectors.toMap(RegionPledges::region, RegionPledges::pledgedUsd, BigDecimal::add));
        BigDecimal pledgedTotal = pledged.values().stream().reduce(Money.ZERO, BigDecimal::add);
        return donors.regions(year, null, asOf).stream().map(region -> {
            BigDecimal regionPledged = Money.usd(pledged.getOrDefault(region.region(), Money.ZERO));
            return new RegionFigures(region.region(), region.receivedUsd(), region.sharePct(), regionPledged,
                    Percentages.of(regionPledged, pledgedTotal));
        }).toList();
    }

    private DonorChanges donorChanges(DonorBase base) {
        Map<String, String> names = queries.contributorNames(Stream.of(base.newDonors(), base.resumed(), base.increased())
                .flatMap(Collection::stream).collect(Collectors.toSet()));
        Function<List<String>, List<Partner>> partners = codes -> codes.stream()
                .map(code -> new Partner(code, names.get(code)))
                .sorted(Comparator.comparing(partner -> partner.name() == null ? partner.code() : partner.name()))
                .toList();
        return new DonorChanges(base.coreContributors(), partners.apply(base.newDonors()), partners.apply(base.resumed()),
                partners.apply(base.increased()));
    }
}
