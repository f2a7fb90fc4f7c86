package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.EntryPosition;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.repository.OpenDataQueries;
import org.unhabitat.reporting.repository.OpenDataQueries.PledgeEntryRow;
import org.unhabitat.reporting.repository.OpenDataQueries.YearLineFigure;
import org.unhabitat.reporting.repository.PledgeBookRepository;
import org.unhabitat.reporting.api.IatiActivities;
import org.unhabitat.reporting.api.IatiOrganisation;
import org.unhabitat.reporting.api.OpenPledgeRow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The data behind open.unhabitat.org: the pledge book line by line, and the IATI organisation file. */
@ApplicationScoped
public class OpenDataService {

    /** A person who gives online is published only as one of many, never by name or code. */
    public static final String INDIVIDUAL_DONOR_NAME = "Individual donor";
    public static final String UNIDENTIFIED_CONTRIBUTOR_NAME = "Contributor not yet identified";
    /** IATI TransactionType code list: 11 is Incoming Commitment, 1 Incoming Funds. */
    private static final String INCOMING_COMMITMENT = "11";
    private static final String INCOMING_FUNDS = "1";

    private final OpenDataQueries queries;
    private final ReportReads reads;
    private final Clock clock;

    public OpenDataService(OpenDataQueries queries, Clock clock, ReportReads reads) {
        this.reads = reads;
        this.queries = queries;
        this.clock = clock;
    }

    /** A page of rows and the pledge id to continue after, or null on the last page. */
    public record PledgePage(List<OpenPledgeRow> rows, UUID continueAfter) {
    }

    @Transactional
    public PledgePage pledges(int year, LocalDate asOf, int limit, UUID afterPledgeId) {
        reads.oneMoment();
        LocalDate cutOff = asOf == null ? PledgeBookRepository.NOW : asOf;
        List<PledgeEntryRow> entries = queries.pledgeEntries(year, cutOff, afterPledgeId, limit + 1);
        boolean more = entries.size() > limit;
        List<OpenPledgeRow> rows = entries.stream().limit(limit).map(OpenDataService::published).toList();
        return new PledgePage(rows, more ? rows.get(rows.size() - 1).pledgeId() : null);
    }

    /**
     * One activity per programme, then one per budget line for the money with no programme, each with its pledges as
     * incoming commitments and its payments as incoming funds. Providers are named as in the other open data:
     * individuals only as an individual donor.
     */
    @Transactional
    public IatiActivities activities() {
        reads.oneMoment();
        Instant lastUpdated = queries.lastChange().orElseGet(clock::instant).truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<IatiActivities.Transaction>> byProgramme = new HashMap<>();
        Map<String, List<IatiActivities.Transaction>> byLine = new TreeMap<>(Comparator.comparing(BudgetLine::valueOf));
        for (OpenDataQueries.TransactionRow row : queries.iatiTransactions()) {
            IatiActivities.Transaction transaction = new IatiActivities.Transaction(row.payment() ? INCOMING_FUNDS : INCOMING_COMMITMENT,
                    row.date(), row.currency(), row.amount(), "INDIVIDUAL".equals(row.contributorType()) ? null : row.iatiOrgRef(),
                    providerName(row));
            (row.programme() == null ? byLine : byProgramme).computeIfAbsent(row.programme() == null ? row.budgetLine() : row.programme(),
                    code -> new ArrayList<>()).add(transaction);
        }
        List<IatiActivities.Activity> activities = new ArrayList<>();
        for (OpenDataQueries.ProgrammeRow programme : queries.programmes()) {
            activities.add(new IatiActivities.Activity(programme.code(), programme.name(),
                    "Money received by UN-Habitat for " + programme.name() + " (" + programme.kind().toLowerCase().replace('_', ' ') + ")",
                    LocalDate.of(programme.startYear(), 1, 1), byProgramme.getOrDefault(programme.code(), List.of())));
        }
        byLine.forEach((line, transactions) -> activities.add(new IatiActivities.Activity(line, BudgetLine.valueOf(line).englishName(),
                "Money received by UN-Habitat for its " + BudgetLine.valueOf(line).englishName() + " budget line, outside any programme",
                transactions.get(0).date(), transactions)));
        return new IatiActivities(lastUpdated, activities);
    }

    private static String providerName(OpenDataQueries.TransactionRow row) {
        if (row.contributorType() == null) {
            return UNIDENTIFIED_CONTRIBUTOR_NAME;
        }
        return "INDIVIDUAL".equals(row.contributorType()) ? INDIVIDUAL_DONOR_NAME : row.contributorName();
    }

    /** The years the whole pledge book has rows for, as of {@code asOf} (now when null), oldest first. */
    @Transactional
    public List<Integer> pledgeYears(LocalDate asOf) {
        reads.oneMoment();
        return queries.pledgeYears(asOf == null ? PledgeBookRepository.NOW : asOf);
    }

    @Transactional
    public IatiOrganisation organisation() {
        reads.oneMoment();
        // The file's timestamp follows the data, not the request, so an unchanged file keeps its ETag.
        Instant lastUpdated = queries.lastChange().orElseGet(clock::instant).truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<YearLineFigure>> byRegion = new TreeMap<>();
        queries.regionalProgrammeTargets().forEach(row ->
                byRegion.computeIfAbsent(row.region(), region -> new ArrayList<>()).add(row.figure()));
        List<IatiOrganisation.RegionBudget> regionBudgets = new ArrayList<>();
        byRegion.forEach((region, figures) -> byYear(figures)
                .forEach(year -> regionBudgets.add(new IatiOrganisation.RegionBudget(region, year))));
        return new IatiOrganisation(lastUpdated, byYear(queries.annualTargets()), regionBudgets, byYear(queries.incomeByYear()));
    }

    /** Individuals, and contributors not known yet (who may be individuals), are never published by name or code. */
    private static OpenPledgeRow published(PledgeEntryRow entry) {
        EntryPosition position = entry.position();
        boolean unidentified = entry.contributorType() == null;
        boolean individual = "INDIVIDUAL".equals(entry.contributorType());
        return new OpenPledgeRow(entry.pledgeId(), position.year(),
                unidentified ? DonorReportService.UNIDENTIFIED_CODE
                        : individual ? DonorReportService.INDIVIDUAL_DONORS_CODE : entry.contributorCode(),
                unidentified ? UNIDENTIFIED_CONTRIBUTOR_NAME : individual ? INDIVIDUAL_DONOR_NAME : entry.contributorName(),
                entry.contributorType(), entry.budgetLine(), entry.earmarking(), entry.region(), entry.currency(),
                position.amount(), position.fxRate(), position.usdAmount(), entry.pledgedOn(), Money.usd(entry.paidUsd()),
                position.outstandingUsd(), status(position));
    }

    private static String status(EntryPosition position) {
        if (position.cancelled()) {
            return "CANCELLED";
        }
        if (position.paidAmount().compareTo(position.amount()) >= 0) {
            return "PAID";
        }
        return position.paidAmount().signum() > 0 ? "PARTIALLY_PAID" : "PLEDGED";
    }

    private static List<IatiOrganisation.YearFigures> byYear(List<YearLineFigure> figures) {
        Map<Integer, List<IatiOrganisation.LineFigure>> years = new TreeMap<>();
        for (YearLineFigure figure : figures) {
            years.computeIfAbsent(figure.year(), year -> new ArrayList<>())
                    .add(new IatiOrganisation.LineFigure(BudgetLine.valueOf(figure.budgetLine()), Money.usd(figure.amountUsd())));
        }
        List<IatiOrganisation.YearFigures> result = new ArrayList<>();
        years.forEach((year, lines) -> {
            List<IatiOrganisation.LineFigure> ordered = lines.stream()
                    .sorted(Comparator.comparing(IatiOrganisation.LineFigure::budgetLine)).toList();
            BigDecimal total = ordered.stream().map(IatiOrganisation.LineFigure::amountUsd).reduce(Money.ZERO, BigDecimal::add);
            result.add(new IatiOrganisation.YearFigures(year, total, ordered));
        });
        return result;
    }
}
