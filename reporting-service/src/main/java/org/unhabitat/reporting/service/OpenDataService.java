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
import org.unhabitat.reporting.api.IatiOrganisation;
import org.unhabitat.reporting.api.OpenPledgeRow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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

    @Transactional
    public IatiOrganisation organisation() {
        reads.oneMoment();
        // The file's timestamp follows the data, not the request, so an unchanged file keeps its ETag.
        Instant lastUpdated = queries.lastChange().orElseGet(clock::instant).truncatedTo(ChronoUnit.SECONDS);
        return new IatiOrganisation(lastUpdated, byYear(queries.annualTargets()), byYear(queries.incomeByYear()));
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
