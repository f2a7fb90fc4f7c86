package org.unhabitat.targets.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.targets.rest.dto.PlanDto;
import org.unhabitat.targets.service.PlanService;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @GET
    @Path("/{planId}")
    @PermitAll
    @Operation(summary = "Get a strategic plan with its envelope per budget line",
            description = "Plan 2020-2023 needs USD 970 million: 60M regular budget, 41M Foundation non-earmarked, "
                    + "262M Foundation earmarked and 607M technical cooperation. Public.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "No such plan (problem+json)")
    public PlanDto get(@Parameter(description = "Plan id, START-END", example = "2020-2023") @PathParam("planId") String planId) {
        return plans.findPlan(planId).orElseThrow(() -> new NotFoundException("No plan with id " + planId));
    }
}
