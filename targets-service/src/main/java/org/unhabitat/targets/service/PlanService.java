package org.unhabitat.targets.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.ConflictException;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.targets.api.PlanDefinitionRequest;
import org.unhabitat.targets.api.PlanDto;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.mapping.PlanMapper;
import org.unhabitat.targets.messaging.events.PlanLineDefinedV1;
import org.unhabitat.targets.repository.Plan;
import org.unhabitat.targets.repository.PlanLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@ApplicationScoped
public class PlanService {

    private static final Pattern PLAN_ID = Pattern.compile("(\\d{4})-(\\d{4})");
    /** Strategic plans run for a few years; a longer span is a typo that would block every later plan. */
    private static final int MAX_PLAN_YEARS = 10;

    private final Outbox outbox;
    private final AuditTrail audit;

    public PlanService(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanDto> findPlan(String planId) {
        return Plan.<Plan>findByIdOptional(planId).map(PlanMapper::toDto);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanDto> listPlans() {
        return Plan.listByStartYear().stream().map(PlanMapper::toDto).toList();
    }

    /**
     * Defines a plan and announces each of its lines. Plans are not revised: defining the same plan again with
     * the same envelopes confirms it (no event), anything else that touches its years is a conflict.
     */
    @Transactional
    public WriteOutcome<PlanDto> define(String planId, PlanDefinitionRequest request, String definedBy) {
        Matcher years = PLAN_ID.matcher(planId);
        if (!years.matches()) {
            throw new InvalidRequestException("planId", "must be START-END, e.g. 2024-2025");
        }
        int startYear = Integer.parseInt(years.group(1));
        int endYear = Integer.parseInt(years.group(2));
        if (endYear < startYear || endYear - startYear >= MAX_PLAN_YEARS) {
            throw new InvalidRequestException("planId", "must end in or after its first year and span at most "
                    + MAX_PLAN_YEARS + " years");
        }
        Map<BudgetLine, BigDecimal> envelopes = envelopes(request.lines());

        Plan.lockForDefinition();
        Optional<Plan> existing = Plan.<Plan>findByIdOptional(planId);
        if (existing.isPresent()) {
            if (envelopes(existing.get()).equals(envelopes)) {
                return new WriteOutcome<>(PlanMapper.toDto(existing.get()), false);
            }
            throw new ConflictException("Plan " + planId + " is already defined with other envelopes; plans are not revised");
        }
        List<Plan> overlapping = Plan.overlapping(startYear, endYear);
        if (!overlapping.isEmpty()) {
            throw new ConflictException("Plan " + planId + " overlaps plan " + overlapping.get(0).id
                    + "; a year belongs to one plan only");
        }

        Plan plan = new Plan();
        plan.id = planId;
        plan.startYear = startYear;
        plan.endYear = endYear;
        envelopes.forEach((budgetLine, amount) -> {
            PlanLine line = new PlanLine();
            line.plan = plan;
            line.budgetLine = budgetLine;
            line.amountUsd = amount;
            plan.lines.add(line);
        });
        plan.persist();
        envelopes.forEach((budgetLine, amount) -> outbox.append(new PlanLineDefinedV1(planId, startYear, endYear,
                budgetLine.name(), amount, definedBy, request.reason())));
        audit.record("plan.defined", "plan", planId, planId);
        return new WriteOutcome<>(PlanMapper.toDto(plan), true);
    }

    /** In board order, at 2 decimals; Bean Validation has checked there are four lines, here they must differ. */
    private static Map<BudgetLine, BigDecimal> envelopes(List<PlanDefinitionRequest.Line> lines) {
        Map<BudgetLine, BigDecimal> envelopes = new EnumMap<>(BudgetLine.class);
        lines.forEach(line -> envelopes.put(line.budgetLine(), line.amountUsd().setScale(2, RoundingMode.UNNECESSARY)));
        if (envelopes.size() != BudgetLine.values().length) {
            throw new InvalidRequestException("lines", "must name each of the four core budget lines once");
        }
        return envelopes;
    }

    private static Map<BudgetLine, BigDecimal> envelopes(Plan plan) {
        Map<BudgetLine, BigDecimal> envelopes = new EnumMap<>(BudgetLine.class);
        plan.lines.forEach(line -> envelopes.put(line.budgetLine, line.amountUsd));
        return envelopes;
    }
}
