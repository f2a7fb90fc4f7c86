package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.reporting.rest.dto.ProgressReport;
import org.unhabitat.reporting.service.ProgressService;

@Path("/api/v1/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ProgressResource {

    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @PermitAll
    @Operation(summary = "Income mobilized against targets, per core budget line",
            description = "With plan=2020-2023: against the plan envelopes (60M, 41M, 262M, 607M; 970M in all), "
                    + "summed over the plan's years. Public.")
    @APIResponse(responseCode = "200", description = "One row per line, and totals equal to the sum of the rows")
    @APIResponse(responseCode = "400", description = "Neither plan nor year given (problem+json)")
    @APIResponse(responseCode = "404", description = "No such plan (problem+json)")
    public ProgressReport get(
            @Parameter(description = "Plan id", example = "2020-2023")
            @QueryParam("plan") @Pattern(regexp = "\\d{4}-\\d{4}", message = "must look like 2020-2023") String plan) {
        if (plan == null) {
            throw new BadRequestException("Give plan=START-END, for example plan=2020-2023");
        }
        return progress.againstPlan(plan).orElseThrow(() -> new NotFoundException("No plan with id " + plan));
    }
}
