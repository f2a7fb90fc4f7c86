package org.unhabitat.targets.mapping;

import org.unhabitat.targets.api.PlanDto;
import org.unhabitat.targets.repository.Plan;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

public final class PlanMapper {

    public static PlanDto toDto(Plan plan) {
        List<PlanDto.PlanLineDto> lines = plan.lines.stream()
                .sorted(Comparator.comparing(line -> line.budgetLine))
                .map(line -> new PlanDto.PlanLineDto(line.budgetLine.name(), line.amountUsd))
                .toList();
        BigDecimal total = lines.stream().map(PlanDto.PlanLineDto::amountUsd).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new PlanDto(plan.id, plan.startYear, plan.endYear, lines, total);
    }

    private PlanMapper() {
    }
}
