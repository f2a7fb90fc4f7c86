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
import org.unhabitat.targets.api.AnnualFigureRequest;
import org.unhabitat.targets.api.ProgrammeDto;
import org.unhabitat.targets.api.ProgrammeRequest;
import org.unhabitat.targets.api.ProgrammeTargetDto;
import org.unhabitat.targets.service.ProgrammeService;

import java.util.List;

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "What money narrower than a budget line is raised for: a thematic window, a fund "
        + "(the Urban Investment Facility's feasibility fund), an appeal (the Arab region humanitarian appeal of June 2021), "
        + "a pledging event or a project. contributions-service learns the codes from the events published here, and "
        + "a pledge may name one.")
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final CurrentCaller caller;

    public ProgrammeResource(ProgrammeService programmes, CurrentCaller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "List the programmes",
            description = "Every programme in its current definition, ordered by code. Public.")
    @APIResponse(responseCode = "200", description = "The programmes, by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgrammeDto.class),
                    examples = @ExampleObject(name = "an appeal and a fund", value = ApiExamples.PROGRAMMES)))
    public List<ProgrammeDto> list() {
        return programmes.list();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "Get a programme", description = "The programme's current definition. Public.")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeDto.class),
                    examples = @ExampleObject(name = "feasibility fund", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "404", description = "No programme with that code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiExamples.UNKNOWN_PROGRAMME)))
    public ProgrammeDto get(@Parameter(description = "Programme code", example = "UIF-FEASIBILITY-FUND") @PathParam("code") String code) {
        return programmes.find(code).orElseThrow(() -> unknown(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Define a programme or change its definition",
            description = "The code is a stable upper-case slug (2 to 40 of A-Z, 0-9 and -). Publishes "
                    + "org.unhabitat.programme.defined.v1 with the whole definition on targets.events (key: the code); "
                    + "contributions-service accepts pledges to the programme once it has read that event. A definition "
                    + "equal to the current one changes nothing: 200 and no event. Role: finance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeRequest.class),
            examples = @ExampleObject(name = "feasibility fund", value = ApiExamples.PROGRAMME_REQUEST)))
    @APIResponse(responseCode = "201", description = "The programme is defined; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeDto.class),
                    examples = @ExampleObject(name = "feasibility fund", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "200", description = "The definition changed, or already was this one (no event)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeDto.class),
                    examples = @ExampleObject(name = "feasibility fund", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "400", description = "A malformed code, a missing or unknown field value, an end before "
            + "the start, or an unknown property; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = ApiExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token lacks the finance role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "partner token", value = ApiExamples.FORBIDDEN)))
    public Response define(
            @Parameter(description = "Programme code", example = "UIF-FEASIBILITY-FUND") @PathParam("code") String code,
            @Valid @NotNull ProgrammeRequest body,
            @Context UriInfo uri) {
        return ResourceSupport.written(programmes.define(code, body, caller.get().subject()), uri.getAbsolutePath());
    }

    @GET
    @Path("/{code}/targets/{year}")
    @PermitAll
    @Operation(summary = "Get the current target of a programme for a year",
            description = "The latest revision, with who set it, when and why. Public.")
    @APIResponse(responseCode = "200", description = "The current target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeTargetDto.class),
                    examples = @ExampleObject(name = "feasibility fund 2022", value = ApiExamples.PROGRAMME_TARGET)))
    @APIResponse(responseCode = "404", description = "Unknown programme, or no target for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiExamples.UNKNOWN_PROGRAMME)))
    public ProgrammeTargetDto currentTarget(
            @Parameter(description = "Programme code", example = "UIF-FEASIBILITY-FUND") @PathParam("code") String code,
            @Parameter(description = "Calendar year", example = "2022") @PathParam("year") int year) {
        return programmes.currentTarget(code, year).orElseThrow(() -> noTarget(code, year));
    }

    @GET
    @Path("/{code}/targets/{year}/history")
    @PermitAll
    @Operation(summary = "List every revision of a programme's target for a year, oldest first",
            description = "Targets are never overwritten: each change is a revision with who made it, when and why. "
                    + "The last entry is the current value. Public.")
    @APIResponse(responseCode = "200", description = "Every revision, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgrammeTargetDto.class),
                    examples = @ExampleObject(name = "revised once", value = ApiExamples.PROGRAMME_TARGET_HISTORY)))
    @APIResponse(responseCode = "404", description = "Unknown programme, or no target for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiExamples.UNKNOWN_PROGRAMME)))
    public List<ProgrammeTargetDto> targetHistory(
            @Parameter(description = "Programme code", example = "UIF-FEASIBILITY-FUND") @PathParam("code") String code,
            @Parameter(description = "Calendar year", example = "2022") @PathParam("year") int year) {
        List<ProgrammeTargetDto> history = programmes.targetHistory(code, year).orElseThrow(() -> unknown(code));
        if (history.isEmpty()) {
            throw noTarget(code, year);
        }
        return history;
    }

    @PUT
    @Path("/{code}/targets/{year}")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Set or revise a programme's target for a year",
            description = "Records a new revision with the caller as its author and publishes "
                    + "org.unhabitat.programme-target.set.v1 on targets.events (key: the programme code, so it follows the "
                    + "programme's definition). The year must lie within the programme's years. An amount equal to the "
                    + "current one is not a change: the current revision comes back with 200 and no event. Role: finance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnnualFigureRequest.class),
            examples = @ExampleObject(name = "feasibility fund 2022", value = ApiExamples.PROGRAMME_TARGET_REQUEST)))
    @APIResponse(responseCode = "201", description = "The programme's first target for the year (revision 1); Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeTargetDto.class),
                    examples = @ExampleObject(name = "feasibility fund 2022", value = ApiExamples.PROGRAMME_TARGET)))
    @APIResponse(responseCode = "200", description = "The target is revised (a new revision), or already had this amount (no new revision)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeTargetDto.class),
                    examples = @ExampleObject(name = "feasibility fund 2022", value = ApiExamples.PROGRAMME_TARGET)))
    @APIResponse(responseCode = "400", description = "Negative amount, more than 2 decimals, missing reason, unknown "
            + "property, or a year outside the programme's; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "bad amount and no reason", value = ApiExamples.INVALID_AMOUNT),
                            @ExampleObject(name = "year outside the programme", value = ApiExamples.PROGRAMME_YEAR_OUTSIDE)}))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = ApiExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token lacks the finance role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "partner token", value = ApiExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "Unknown programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiExamples.UNKNOWN_PROGRAMME)))
    public Response setTarget(
            @Parameter(description = "Programme code", example = "UIF-FEASIBILITY-FUND") @PathParam("code") String code,
            @Parameter(description = "Calendar year, within the programme's years", example = "2022") @PathParam("year") int year,
            @Valid @NotNull AnnualFigureRequest body,
            @Context UriInfo uri) {
        return ResourceSupport.written(programmes.setTarget(code, year, body.amountUsd(), body.reason(), caller.get().subject()),
                uri.getAbsolutePath());
    }

    private static NotFoundException unknown(String code) {
        return new NotFoundException("No programme " + code);
    }

    private static NotFoundException noTarget(String code, int year) {
        return new NotFoundException("No target for programme " + code + " in " + year);
    }
}
