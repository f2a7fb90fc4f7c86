package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.DonorBaseClassifier;
import org.unhabitat.reporting.domain.FlowDimension;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.domain.Percentages;
import org.unhabitat.reporting.domain.Region;
import org.unhabitat.reporting.domain.ReportPeriod;
import org.unhabitat.reporting.repository.ReportQueries;
import org.unhabitat.reporting.repository.ReportQueries.ContributorIncome;
import org.unhabitat.reporting.repository.ReportQueries.KeyedIncome;
import org.unhabitat.reporting.api.DonorBase;
import org.unhabitat.reporting.api.FlowGroup;
import org.unhabitat.reporting.api.MonthRow;
import org.unhabitat.reporting.api.RegionRow;
import org.unhabitat.reporting.api.TopContributorRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who gives, where the money goes, and when it arrives. */
@ApplicationScoped
public class DonorReportService {

    /** Individuals are reported together under this code, so that no one's name is ever published. */
    public static final String INDIVIDUAL_DONORS_CODE = "INDIVIDUAL-DONORS";
    public static final String INDIVIDUAL_DONORS_NAME = "Individual donors";
    /**
     * Contributors whose own event has not arrived yet: their money shows, their names and codes do not, since
     * any of them may be an individual.
     */
    public static final String UNIDENTIFIED_CODE = "UNIDENTIFIED-CONTRIBUTORS";
    public static final String UNIDENTIFIED_NAME = "Contributors not yet identified";

    private final ReportQueries queries;
    private final ReportReads reads;
    private final FlowService flows;

    public DonorReportService(ReportQueries queries, ReportReads reads, FlowService flows) {
        this.reads = reads;
        this.queries = queries;
        this.flows = flows;
    }

    /** Ranked by income received, ties by name; {@code budgetLine} null means every line. */
    @Transactional
    public List<TopContributorRow> topContributors(int year, BudgetLine budgetLine, int limit, LocalDate asOf) {
        reads.oneMoment();
        ReportPeriod period = ReportPeriod.ofYear(year, asOf);
        List<ContributorIncome> ranked = anonymised(queries.incomeByContributor(period.from(), period.to(),
                budgetLine == null ? null : budgetLine.name())).stream()
                .filter(income -> income.receivedUsd().signum() > 0)
                .sorted(Comparator.comparing(ContributorIncome::receivedUsd).reversed().thenComparing(ContributorIncome::name))
                .limit(limit)
                .toList();
        List<TopContributorRow> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ContributorIncome income = ranked.get(i);
            rows.add(new TopContributorRow(i + 1, income.code(), income.name(), income.type(), Money.usd(income.receivedUsd())));
        }
        return rows;
    }

    /**
     * Every region, in Figure 3's order, with the USD pledged for the year (by schedule year, so money pledged for a
     * later year shows there before it is paid), the USD received in it and its share of the year's income;
     * {@code budgetLine} null means every line.
     */
    @Transactional
    public List<RegionRow> regions(int year, BudgetLine budgetLine, LocalDate asOf) {
        reads.oneMoment();
        Map<FlowDimension, Set<String>> lines = budgetLine == null ? Map.of() : Map.of(FlowDimension.BUDGET_LINE, Set.of(budgetLine.name()));
        Map<Object, FlowGroup> byRegion = flows.flows(new FlowService.FlowRequest(year, year, lines, List.of(FlowDimension.REGION), asOf))
                .groups().stream().collect(Collectors.toMap(group -> group.key().get(FlowDimension.REGION.parameter()), group -> group));
        BigDecimal total = byRegion.values().stream().map(FlowGroup::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
        return Stream.of(Region.values())
                .map(region -> {
                    FlowGroup group = byRegion.get(region.name());
                    BigDecimal received = group == null ? Money.ZERO : group.receivedUsd();
                    return new RegionRow(region.name(), group == null ? Money.ZERO : group.pledgedUsd(), received,
                            Percentages.of(received, total));
                })
                .toList();
    }

    /** Twelve months, each with its income and the running total since January. */
    @Transactional
    public List<MonthRow> monthly(int year, BudgetLine budgetLine, LocalDate asOf) {
        reads.oneMoment();
        ReportPeriod period = ReportPeriod.ofYear(year, asOf);
        Map<String, BigDecimal> byMonth = toMap(queries.incomeByMonth(period.from(), period.to(),
                budgetLine == null ? null : budgetLine.name()));
        List<MonthRow> rows = new ArrayList<>();
        BigDecimal cumulative = Money.ZERO;
        for (int month = 1; month <= 12; month++) {
            String key = YearMonth.of(year, month).toString();
            BigDecimal received = Money.usd(byMonth.getOrDefault(key, Money.ZERO));
            cumulative = cumulative.add(received);
            rows.add(new MonthRow(key, received, cumulative));
        }
        return rows;
    }

    /** New, resumed and increased core donors, by the contract's definitions. */
    @Transactional
    public DonorBase donorBase(int year, LocalDate asOf) {
        reads.oneMoment();
        LocalDate cutOff = ReportPeriod.ofYear(year, asOf).to();
        Map<String, Map<Integer, BigDecimal>> coreIncome = new HashMap<>();
        // Individuals are one donor here as everywhere in public: a person's code would identify them.
        for (Object[] row : queries.lineIncomeByContributorAndYear(BudgetLine.FOUNDATION_NON_EARMARKED.name(), 1900, cutOff,
                INDIVIDUAL_DONORS_CODE, UNIDENTIFIED_CODE)) {
            coreIncome.computeIfAbsent((String) row[0], code -> new HashMap<>())
                    .merge(((Number) row[1]).intValue(), (BigDecimal) row[2], BigDecimal::add);
        }
        DonorBaseClassifier.Classification donors = DonorBaseClassifier.classify(year, coreIncome);
        return new DonorBase(year, donors.core().size(), donors.newDonors(), donors.resumed(), donors.increased());
    }

    private List<ContributorIncome> anonymised(List<ContributorIncome> incomes) {
        BigDecimal individuals = Money.ZERO;
        BigDecimal unidentified = Money.ZERO;
        List<ContributorIncome> named = new ArrayList<>();
        for (ContributorIncome income : incomes) {
            if (income.type() == null) {
                unidentified = unidentified.add(income.receivedUsd());
            } else if ("INDIVIDUAL".equals(income.type())) {
                individuals = individuals.add(income.receivedUsd());
            } else {
                named.add(income);
            }
        }
        if (individuals.signum() > 0) {
            named.add(new ContributorIncome(INDIVIDUAL_DONORS_CODE, INDIVIDUAL_DONORS_NAME, "INDIVIDUAL", individuals));
        }
        if (unidentified.signum() > 0) {
            named.add(new ContributorIncome(UNIDENTIFIED_CODE, UNIDENTIFIED_NAME, null, unidentified));
        }
        return named;
    }

    private static Map<String, BigDecimal> toMap(List<KeyedIncome> rows) {
        return rows.stream().collect(Collectors.toMap(KeyedIncome::key, KeyedIncome::receivedUsd, BigDecimal::add));
    }
}
