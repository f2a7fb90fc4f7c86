package org.unhabitat.targets.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.targets.mapping.PlanMapper;
import org.unhabitat.targets.repository.Plan;
import org.unhabitat.targets.rest.dto.PlanDto;

import java.util.Optional;

@ApplicationScoped
public class PlanService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanDto> findPlan(String planId) {
        return Plan.<Plan>findByIdOptional(planId).map(PlanMapper::toDto);
    }
}
