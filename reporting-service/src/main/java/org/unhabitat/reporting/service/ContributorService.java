package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.api.ContributorStatement;
import org.unhabitat.reporting.api.FlowGroup;
import org.unhabitat.reporting.api.PublicContributor;
import org.unhabitat.reporting.domain.FlowDimension;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.repository.ContributorListing;
import org.unhabitat.reporting.repository.ContributorListing.ListedContributor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The public contributor list and each partner's statement. Individuals are neither listed nor given a statement. */
@ApplicationScoped
public class ContributorService {

    /** A page of contributors, and the code to continue after when more follow. */
    public record Page(List<PublicContributor> items, String continueAfter) {
    }

    private static final int FIRST_YEAR = 1945;
    private static final int LAST_YEAR = 2100;

    private final ReportReads reads;
    private final ContributorListing listing;
    private final FlowService flows;

    public ContributorService(ReportReads reads, ContributorListing listing, FlowService flows) {
        this.reads = reads;
        this.listing = listing;
        this.flows = flows;
    }

    @Transactional
    public Page list(String type, String afterCode, int limit) {
        reads.oneMoment();
        List<ListedContributor> rows = listing.page(type, afterCode, limit + 1);
        List<PublicContributor> items = rows.stream().limit(limit).map(ContributorService::toPublic).toList();
        return new Page(items, rows.size() > limit ? items.get(items.size() - 1).code() : null);
    }

    /**
     * The years in which the contributor pledged, paid or still owes something, within the range given (either end
     * open when null), each with its budget lines; empty for an unknown code and for an individual.
     */
    @Transactional
    public Optional<ContributorStatement> statement(String code, Integer fromYear, Integer toYear) {
        reads.oneMoment();
        return listing.publicOne(code).map(contributor -> {
            List<FlowGroup> groups = flows.flows(new FlowService.FlowRequest(fromYear == null ? FIRST_YEAR : fromYear,
                    toYear == null ? LAST_YEAR : toYear, Map.of(FlowDimension.CONTRIBUTOR, Set.of(code)),
                    List.of(FlowDimension.YEAR, FlowDimension.BUDGET_LINE), null)).groups();
            Map<Integer, List<FlowGroup>> byYear = new LinkedHashMap<>();
            groups.forEach(group -> byYear.computeIfAbsent((Integer) group.key().get(FlowDimension.YEAR.parameter()),
                    year -> new ArrayList<>()).add(group));
            List<ContributorStatement.Year> years = new ArrayList<>();
            byYear.forEach((year, lines) -> years.add(new ContributorStatement.Year(year,
                    lines.stream().map(FlowGroup::pledgedUsd).reduce(Money.ZERO, java.math.BigDecimal::add),
                    lines.stream().map(FlowGroup::receivedUsd).reduce(Money.ZERO, java.math.BigDecimal::add),
                    lines.stream().map(FlowGroup::outstandingUsd).reduce(Money.ZERO, java.math.BigDecimal::add),
                    lines.stream().map(line -> new ContributorStatement.Line((String) line.key().get(FlowDimension.BUDGET_LINE.parameter()),
                            line.pledgedUsd(), line.receivedUsd(), line.outstandingUsd())).toList())));
            return new ContributorStatement(toPublic(contributor), years);
        });
    }

    private static PublicContributor toPublic(ListedContributor contributor) {
        return new PublicContributor(contributor.code(), contributor.name(), contributor.type(), contributor.country());
    }
}
