package org.unhabitat.targets.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.targets.api.AnnualFigureChangeDto;
import org.unhabitat.targets.api.AnnualFigureDto;
import org.unhabitat.targets.domain.AnnualFigureKind;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.mapping.AnnualFigureMapper;
import org.unhabitat.targets.repository.AnnualFigureRevision;
import org.unhabitat.targets.repository.Plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Income targets and approved budgets: the same revision rules for both, told apart by their kind. */
@ApplicationScoped
public class AnnualFigureService {

    private final Outbox outbox;
    private final AuditTrail audit;

    public AnnualFigureService(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Empty when no plan covers the year: such a year is unknown, not merely without figures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AnnualFigureDto>> currentOfYear(AnnualFigureKind kind, int year) {
        if (Plan.covering(year).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AnnualFigureRevision.currentBetween(kind, year, year).stream().map(AnnualFigureMapper::toDto).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AnnualFigureDto> current(AnnualFigureKind kind, int year, BudgetLine line) {
        return AnnualFigureRevision.current(kind, year, line).map(AnnualFigureMapper::toDto);
    }

    /** Every revision, oldest first; empty when the figure was never set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnualFigureDto> history(AnnualFigureKind kind, int year, BudgetLine line) {
        return AnnualFigureRevision.history(kind, year, line).stream().map(AnnualFigureMapper::toDto).toList();
    }

    /**
     * Records a new revision and its event in one transaction, unless the amount is already the current one.
     * The covering plan's row is locked so that concurrent writers of one plan's figures take turns instead
     * of both claiming the same next revision.
     */
    @Transactional
    public WriteOutcome<AnnualFigureChangeDto> set(AnnualFigureKind kind, int year, BudgetLine line, BigDecimal amountUsd,
                                                   String reason, String changedBy) {
        Plan plan = Plan.coveringForUpdate(year).orElseThrow(() -> new InvalidRequestException("year",
                "no strategic plan covers " + year + "; define the plan first"));
        Optional<AnnualFigureRevision> current = AnnualFigureRevision.current(kind, year, line);
        Optional<AnnualFigureRevision> next = AmountRevisions.next(current, amountUsd, reason, changedBy,
                () -> AnnualFigureRevision.of(kind, year, line));
        if (next.isEmpty()) {
            return new WriteOutcome<>(AnnualFigureMapper.toChangeDto(current.orElseThrow(), warnings(kind, plan, line)), false);
        }
        AnnualFigureRevision revision = next.get();
        revision.persist();
        outbox.append(AnnualFigureMapper.toEvent(revision));
        String type = kind == AnnualFigureKind.INCOME_TARGET ? "target" : "approved-budget";
        audit.record(type + ".set", type, year + ":" + line.name() + "#" + revision.revision, year + ":" + line.name());
        return new WriteOutcome<>(AnnualFigureMapper.toChangeDto(revision, warnings(kind, plan, line)), revision.revision == 1);
    }

    /** Figures above the plan's envelope are allowed (the Board may aim high), but never silently. */
    private static List<String> warnings(AnnualFigureKind kind, Plan plan, BudgetLine line) {
        Optional<BigDecimal> envelope = plan.envelope(line);
        if (envelope.isEmpty()) {
            return List.of();
        }
        BigDecimal sum = AnnualFigureRevision.currentBetween(kind, plan.startYear, plan.endYear).stream()
                .filter(figure -> figure.budgetLine == line)
                .map(figure -> figure.amountUsd)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        if (sum.compareTo(envelope.get()) <= 0) {
            return List.of();
        }
        return List.of("The " + kind.label() + "s for " + line.name() + " in plan " + plan.id + " add up to USD "
                + sum.toPlainString() + ", more than the plan's envelope of USD " + envelope.get().toPlainString());
    }
}
