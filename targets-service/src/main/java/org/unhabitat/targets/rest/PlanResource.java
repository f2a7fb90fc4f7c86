package org.unhabitat.targets.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.problem.Problem;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;
import org.unhabitat.targets.api.PlanDefinitionRequest;
import org.unhabitat.targets.api.PlanDto;
import org.unhabitat.targets.service.PlanService;

import java.util.List;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Strategic plans and their resource requirement (envelope) per core budget line. "
        + "Every year belongs to at most one plan; annual targets and approved budgets can only be set for a year in a plan.")
public class PlanResource {

    private final PlanService plans;
    private final CurrentCaller caller;

    public PlanResource(PlanService plans, CurrentCaller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "List the strategic plans",
            description = "Every defined plan with its envelope per budget line and total, earliest first. The reference "
                    + "plan 2020-2023 needs USD 970 million. Public.")
    @APIResponse(responseCode = "200", description = "The plans, by start year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PlanDto.class),
                    examples = @ExampleObject(name = "reference data", value = ApiExamples.PLANS)))
    public List<PlanDto> list() {
        return plans.listPlans();
    }

    @GET
    @Path("/{planId}")
    @PermitAll
    @Operation(summary = "Get a strategic plan with its envelope per budget line",
            description = "Plan 2020-2023 needs USD 970 million: 60M regular budget, 41M Foundation non-earmarked, "
                    + "262M Foundation earmarked and 607M technical cooperation. Public.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class),
                    examples = @ExampleObject(name = "2020-2023", value = ApiExamples.PLAN_2020_2023)))
    @APIResponse(responseCode = "404", description = "No such plan (problem+json)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanDto get(@Parameter(description = "Plan id, START-END", example = "2020-2023") @PathParam("planId") String planId) {
        return plans.findPlan(planId).orElseThrow(() -> new NotFoundException("No plan with id " + planId));
    }

    @PUT
    @Path("/{planId}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Define a new strategic plan",
            description = "The id is START-END (both years included, at most 10 years) and the body gives the envelope of "
                    + "each of the four core budget lines exactly once. Publishes one org.unhabitat.plan.line-defined.v1 "
                    + "per line on targets.events (key: the plan id). Plans are not revised: sending the same plan again "
                    + "with the same envelopes returns it with 200 and publishes nothing; other envelopes for an existing "
                    + "plan, or years that overlap another plan, give 409. Roles: finance or admin.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanDefinitionRequest.class),
            examples = @ExampleObject(name = "plan 2024-2025", value = ApiExamples.PLAN_REQUEST)))
    @APIResponse(responseCode = "201", description = "The plan is defined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class),
                    examples = @ExampleObject(name = "2024-2025", value = ApiExamples.PLAN_DEFINED)))
    @APIResponse(responseCode = "200", description = "The plan already exists with exactly these envelopes; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDto.class),
                    examples = @ExampleObject(name = "2020-2023", value = ApiExamples.PLAN_2020_2023)))
    @APIResponse(responseCode = "400", description = "Malformed id, a line missing or repeated, a negative amount, more than "
            + "2 decimals, a missing reason or an unknown property; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has neither the finance nor the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The years overlap another plan, or the plan exists with other envelopes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "overlap", value = ApiExamples.PLAN_OVERLAPS)))
    public Response define(
            @Parameter(description = "Plan id, START-END", example = "2024-2025") @PathParam("planId") String planId,
            @Valid @NotNull PlanDefinitionRequest body,
            @Context UriInfo uri) {
        return ResourceSupport.written(plans.define(planId, body, caller.get().subject()), uri.getAbsolutePath());
    }
}
