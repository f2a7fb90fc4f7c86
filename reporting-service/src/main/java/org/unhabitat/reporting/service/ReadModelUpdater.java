package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.messaging.events.AnnualFigureSetV1;
import org.unhabitat.reporting.messaging.events.ContributorRegisteredV2;
import org.unhabitat.reporting.messaging.events.DecodedRecord.Applicable;
import org.unhabitat.reporting.messaging.events.PlanLineDefinedV1;
import org.unhabitat.reporting.messaging.events.ProgrammeDefinedV1;
import org.unhabitat.reporting.messaging.events.ProgrammeTargetSetV1;
import org.unhabitat.reporting.repository.AnnualFigureRepository;
import org.unhabitat.reporting.repository.AnnualFigureRepository.AnnualFigure;
import org.unhabitat.reporting.repository.ContributorRepository;
import org.unhabitat.reporting.repository.ContributorRepository.ContributorDetails;
import org.unhabitat.reporting.repository.InboxRepository;
import org.unhabitat.reporting.repository.PlanTargetRepository;
import org.unhabitat.reporting.repository.PlanTargetRepository.PlanLine;
import org.unhabitat.reporting.repository.ProgrammeRepository;
import org.unhabitat.reporting.repository.ProgrammeRepository.ProgrammeRow;
import org.unhabitat.reporting.repository.ProgrammeRepository.ProgrammeTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of events to the read model, each exactly once: the inbox is claimed for the whole
 * batch in one statement, in the same transaction as the effects. Events are folded in their order,
 * and each row they touch is written once, whatever the number of events that touched it.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private final InboxRepository inbox;
    private final PlanTargetRepository plans;
    private final AnnualFigureRepository annualFigures;
    private final ContributorRepository contributors;
    private final ProgrammeRepository programmes;
    private final PledgeBookUpdate pledgeBook;

    public ReadModelUpdater(InboxRepository inbox, PlanTargetRepository plans, AnnualFigureRepository annualFigures,
                            ContributorRepository contributors, ProgrammeRepository programmes, PledgeBookUpdate pledgeBook) {
        this.inbox = inbox;
        this.plans = plans;
        this.annualFigures = annualFigures;
        this.contributors = contributors;
        this.programmes = programmes;
        this.pledgeBook = pledgeBook;
    }

    /**
     * Applies those of {@code events}, given in the order they were read, that were not applied before.
     * An event id met twice is applied the first time only.
     *
     * @return how many were applied now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int apply(List<Applicable> events) {
        Map<UUID, Applicable> firsts = new LinkedHashMap<>();
        events.forEach(event -> firsts.putIfAbsent(event.eventId(), event));
        Set<UUID> claimed = inbox.claim(firsts.values().stream()
                .map(event -> new InboxRepository.Claim(event.eventId(), event.type())).toList());
        List<Applicable> fresh = firsts.values().stream().filter(event -> claimed.contains(event.eventId())).toList();

        Map<PlanLineKey, PlanLine> planLines = new LinkedHashMap<>();
        Map<YearLine, AnnualFigure> targets = new LinkedHashMap<>();
        Map<YearLine, AnnualFigure> approvedBudgets = new LinkedHashMap<>();
        Map<String, ContributorDetails> registered = new LinkedHashMap<>();
        Map<String, ProgrammeRow> defined = new LinkedHashMap<>();
        Map<String, ProgrammeTarget> programmeTargets = new LinkedHashMap<>();
        List<Applicable> pledgeEvents = new ArrayList<>();
        for (Applicable event : fresh) {
            if (event.payload() instanceof PlanLineDefinedV1 line) {
                planLines.put(new PlanLineKey(line.planId(), line.budgetLine()),
                        new PlanLine(line.planId(), line.budgetLine(), line.startYear(), line.endYear(), line.amountUsd()));
            } else if (event.payload() instanceof AnnualFigureSetV1 figure) {
                Map<YearLine, AnnualFigure> figures = AnnualFigureSetV1.TARGET.equals(event.type()) ? targets : approvedBudgets;
                figures.merge(new YearLine(figure.year(), figure.budgetLine()),
                        new AnnualFigure(figure.year(), figure.budgetLine(), figure.amountUsd(), figure.revision()),
                        (kept, other) -> other.revision() > kept.revision() ? other : kept);
            } else if (event.payload() instanceof ContributorRegisteredV2 contributor) {
                registered.put(contributor.code(), new ContributorDetails(contributor.code(), contributor.name(), contributor.type(),
                        contributor.country(), contributor.iatiOrgRef(), event.record().partition(), event.record().offset()));
            } else if (event.payload() instanceof ProgrammeDefinedV1 programme) {
                defined.put(programme.code(), new ProgrammeRow(programme.code(), programme.name(), programme.kind(),
                        programme.budgetLine(), programme.region(), programme.startYear(), programme.endYear()));
            } else if (event.payload() instanceof ProgrammeTargetSetV1 target) {
                programmeTargets.merge(target.programme() + ":" + target.year(),
                        new ProgrammeTarget(target.programme(), target.year(), target.amountUsd(), target.revision()),
                        (kept, other) -> other.revision() > kept.revision() ? other : kept);
            } else if (event.payload() != null) {
                pledgeEvents.add(event);
            }
        }
        plans.save(planLines.values());
        annualFigures.keepTargetsIfNewer(targets.values());
        annualFigures.keepApprovedBudgetsIfNewer(approvedBudgets.values());
        contributors.keepNewest(registered.values());
        programmes.save(defined.values());
        programmes.keepTargetsIfNewer(programmeTargets.values());
        pledgeBook.apply(pledgeEvents);
        return fresh.size();
    }

    private record PlanLineKey(String planId, String budgetLine) {
    }

    private record YearLine(int year, String budgetLine) {
    }
}
