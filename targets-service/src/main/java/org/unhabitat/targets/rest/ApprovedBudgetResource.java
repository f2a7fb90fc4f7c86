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

@Path("/api/v1/approved-budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approved budgets", description = "Budgets approved by the Executive Board per core budget line and "
        + "year, with every revision kept. They are not targets: the Board approved a 2022 Foundation non-earmarked "
        + "budget of USD 12 million, whatever the income target.")
public class ApprovedBudgetResource {

    private final AnnualFigureRequests requests;

    public ApprovedBudgetResource(AnnualFigureService figures, CurrentCaller caller) {
        this.requests = new AnnualFigureRequests(AnnualFigureKind.APPROVED_BUDGET, figures, caller);
    }

    @GET
    @PermitAll
    @Operation(summary = "List the current approved budgets of a year",
            description = "One entry per budget line that has an approved budget for the year, in board order, each at "
                    + "its latest revision. For 2022 the Board approved USD 12 million for the Foundation non-earmarked "
                    + "line. A year inside a plan but without approved budgets gives an empty list. Public.")
    @APIResponse(responseCode = "200", description = "The current approved budgets of the year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AnnualFigureDto.class),
                    examples = @ExampleObject(name = "2022", value = ApiExamples.BUDGETS_2022)))
    @APIResponse(responseCode = "400", description = "The year is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No strategic plan covers the year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "year without a plan", value = ApiExamples.NO_PLAN_FOR_YEAR)))
    public List<AnnualFigureDto> list(
            @Parameter(description = "Calendar year", required = true, example = "2022") @QueryParam("year") @NotNull Integer year) {
        return requests.currentOfYear(year);
    }

    @GET
    @Path("/{year}/{budgetLine}")
    @PermitAll
    @Operation(summary = "Get the current approved budget of a year and budget line",
            description = "The latest revision, with who recorded it, when and why. The 2022 Foundation non-earmarked "
                    + "budget is USD 12 million. Public.")
    @APIResponse(responseCode = "200", description = "The current approved budget",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualFigureDto.class),
                    examples = @ExampleObject(name = "2022 core", value = ApiExamples.BUDGET_2022_CORE)))
    @APIResponse(responseCode = "404", description = "Unknown budget line, or no approved budget for that year and line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown line", value = ApiExamples.UNKNOWN_LINE)))
    public AnnualFigureDto current(
            @Parameter(description = "Calendar year", example = "2022") @PathParam("year") int year,
            @Parameter(description = "Budget line code", example = "FOUNDATION_NON_EARMARKED",
                    schema = @Schema(implementation = BudgetLine.class)) @PathParam("budgetLine") String budgetLine) {
        return requests.current(year, budgetLine);
    }

    @GET
    @Path("/{year}/{budgetLine}/history")
    @PermitAll
    @Operation(summary = "List every revision of an approved budget, oldest first",
            description = "Approved budgets are never overwritten: each change is a revision with who recorded it (the "
                    + "subject of their token), when and why. The last entry is the current value. Public.")
    @APIResponse(responseCode = "200", description = "Every revision, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AnnualFigureDto.class),
                    examples = @ExampleObject(name = "2022 core", value = ApiExamples.BUDGET_2022_CORE_HISTORY)))
    @APIResponse(responseCode = "404", description = "Unknown budget line, or no approved budget for that year and line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown line", value = ApiExamples.UNKNOWN_LINE)))
    public List<AnnualFigureDto> history(
            @Parameter(description = "Calendar year", example = "2022") @PathParam("year") int year,
            @Parameter(description = "Budget line code", example = "FOUNDATION_NON_EARMARKED",
                    schema = @Schema(implementation = BudgetLine.class)) @PathParam("budgetLine") String budgetLine) {
        return requests.history(year, budgetLine);
    }

    @PUT
    @Path("/{year}/{budgetLine}")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Record or revise the approved budget of a year and budget line",
            description = "Records a new revision with the caller as its author and publishes "
                    + "org.unhabitat.approved-budget.set.v1 on targets.events (key \"<year>:<budgetLine>\"). The year must "
                    + "lie in a strategic plan. An amount equal to the current one is not a change: the current revision "
                    + "comes back with 200 and no event. Approved budgets that add up to more than the plan's envelope for "
                    + "the line are accepted and reported in `warnings`. Role: finance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnnualFigureRequest.class),
            examples = @ExampleObject(name = "revise the 2022 core budget", value = ApiExamples.BUDGET_REQUEST)))
    @APIResponse(responseCode = "200", description = "The budget is revised (a new revision), or already had this amount (no new revision)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualFigureChangeDto.class),
                    examples = @ExampleObject(name = "revised", value = ApiExamples.BUDGET_REVISED)))
    @APIResponse(responseCode = "201", description = "The first approved budget for this year and line (revision 1)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualFigureChangeDto.class),
                    examples = @ExampleObject(name = "2023 core", value = ApiExamples.BUDGET_FIRST)))
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
            @Parameter(description = "Calendar year, inside a strategic plan", example = "2022") @PathParam("year") int year,
            @Parameter(description = "Budget line code", example = "FOUNDATION_NON_EARMARKED",
                    schema = @Schema(implementation = BudgetLine.class)) @PathParam("budgetLine") String budgetLine,
            @Valid @NotNull AnnualFigureRequest body,
            @Context UriInfo uri) {
        return requests.set(year, budgetLine, body, uri.getAbsolutePath());
    }
}
