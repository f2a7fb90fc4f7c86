package org.unhabitat.targets.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.unhabitat.targets.api.AnnualFigureChangeDto;
import org.unhabitat.targets.api.AnnualFigureDto;
import org.unhabitat.targets.api.AnnualFigureRequest;
import org.unhabitat.targets.domain.AnnualFigureKind;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.service.AnnualFigureService;

import java.util.List;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Income targets", description = "What UN-Habitat aims to raise per core budget line and year, "
        + "with every revision kept. reporting-service measures income received against the current target.")
public class TargetResource {

    private final AnnualFigureRequests requests;

    public TargetResource(AnnualFigureService figures, CurrentCaller caller) {
        this.requests = new AnnualFigureRequests(AnnualFigureKind.INCOME_TARGET, figures, caller);
    }

    @GET
    @PermitAll
    @Operation(summary = "List the current income targets of a year",
            description = "One entry per budget line that has a target for the year, in board order, each at its latest "
                    + "revision. The 2021 targets from the Executive Director's report are 14.5M regular budget, 10.0M "
                    + "Foundation non-earmarked, 43.3M Foundation earmarked and 152.6M technical cooperation. A year "
                    + "inside a plan but without targets gives an empty list. Public.")
    @APIResponse(responseCode = "200", description = "The current targets of the year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AnnualFigureDto.class),
                    examples = @ExampleObject(name = "2021", value = ApiExamples.TARGETS_2021)))
    @APIResponse(responseCode = "400", description = "The year is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No strategic plan covers the year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "year without a plan", value = ApiExamples.NO_PLAN_FOR_YEAR)))
    public List<AnnualFigureDto> list(
            @Parameter(description = "Calendar year", required = true, example = "2021") @QueryParam("year") @NotNull Integer year) {
        return requests.currentOfYear(year);
    }

    @GET
    @Path("/{year}/{budgetLine}")
    @PermitAll
    @Operation(summary = "Get the current income target of a year and budget line",
            description = "The latest revision, with who set it, when and why. The 2021 Foundation non-earmarked target "
                    + "is USD 10.0 million. Public.")
    @APIResponse(responseCode = "200", description = "The current target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualFigureDto.class),
                    examples = @ExampleObject(name = "2021 core", value = ApiExamples.TARGET_2021_CORE)))
    @APIResponse(responseCode = "404", description = "Unknown budget line, or no target for that year and line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown line", value = ApiExamples.UNKNOWN_LINE)))
    public AnnualFigureDto current(
            @Parameter(description = "Calendar year", example = "2021") @PathParam("year") int year,
            @Parameter(description = "Budget line code", example = "FOUNDATION_NON_EARMARKED",
                    schema = @Schema(implementation = BudgetLine.class)) @PathParam("budgetLine") String budgetLine) {
        return requests.current(year, budgetLine);
    }

    @GET
    @Path("/{year}/{budgetLine}/history")
    @PermitAll
    @Operation(summary = "List every revision of an income target, oldest first",
            description = "Targets are never overwritten: each change is a revision with who made it (the subject of their "
                    + "token), when and why. The last entry is the current value. Public.")
    @APIResponse(responseCode = "200", description = "Every revision, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AnnualFigureDto.class),
                    examples = @ExampleObject(name = "2021 core, revised once", value = ApiExamples.TARGET_2021_CORE_HISTORY)))
    @APIResponse(responseCode = "404", description = "Unknown budget line, or no target for that year and line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown line", value = ApiExamples.UNKNOWN_LINE)))
    public List<AnnualFigureDto> history(
            @Parameter(description = "Calendar year", example = "2021") @PathParam("year") int year,
            @Parameter(description = "Budget line code", example = "FOUNDATION_NON_EARMARKED",
                    schema = @Schema(implementation = BudgetLine.class)) @PathParam("budgetLine") String budgetLine) {
        return requests.history(year, budgetLine);
    }

    @PUT
    @Path("/{year}/{budgetLine}")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Set or revise the income target of a year and budget line",
            description = "Records a new revision with the caller as its author and publishes "
                    + "org.unhabitat.target.set.v1 on targets.events (key \"<year>:<budgetLine>\"). The year must lie in a "
                    + "strategic plan. An amount equal to the current one is not a change: the current revision comes back "
                    + "with 200 and no event. Targets that add up to more than the plan's envelope for the line are "
                    + "accepted and reported in `warnings`. Role: finance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnnualFigureRequest.class),
            examples = @ExampleObject(name = "revise the 2021 core target", value = ApiExamples.TARGET_REQUEST)))
    @APIResponse(responseCode = "200", description = "The target is revised (a new revision), or already had this amount (no new revision)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualFigureChangeDto.class),
                    examples = @ExampleObject(name = "revised", value = ApiExamples.TARGET_REVISED)))
    @APIResponse(responseCode = "201", description = "The first target for this year and line (revision 1)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualFigureChangeDto.class),
                    examples = @ExampleObject(name = "above the plan envelope", value = ApiExamples.TARGET_OVER_ENVELOPE)))
    @APIResponse(responseCode = "400", description = "Negative amount, more than 2 decimals, missing reason, unknown "
            + "property, or a year that no plan covers; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "bad amount and no reason", value = ApiExamples.INVALID_AMOUNT),
                            @ExampleObject(name = "year without a plan", value = ApiExamples.YEAR_WITHOUT_PLAN)}))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = ApiExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token lacks the finance role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "partner token", value = ApiExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "Unknown budget line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown line", value = ApiExamples.UNKNOWN_LINE)))
    public Response set(
            @Parameter(description = "Calendar year, inside a strategic plan", example = "2021") @PathParam("year") int year,
            @Parameter(description = "Budget line code", example = "FOUNDATION_NON_EARMARKED",
                    schema = @Schema(implementation = BudgetLine.class)) @PathParam("budgetLine") String budgetLine,
            @Valid @NotNull AnnualFigureRequest body,
            @Context UriInfo uri) {
        return requests.set(year, budgetLine, body, uri.getAbsolutePath());
    }
}
