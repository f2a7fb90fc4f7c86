package org.unhabitat.contributions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.contributions.api.ImportKind;
import org.unhabitat.contributions.api.ImportReport;
import org.unhabitat.contributions.api.ImportSummary;
import org.unhabitat.contributions.service.ImportService;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

@Path(ImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Pledges and payments from finance's spreadsheets, many rows at once: checked in a dry run, "
        + "then recorded all together or not at all. A row goes through the same rules as the single-record API and "
        + "produces the same events and audit entries.")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class ImportResource {

    static final String PATH = "/api/v1/imports";
    static final String CSV = "text/csv";

    private static final String KIND_HELP = "pledges or payments: which columns the file has (see template.csv)";

    private final ImportService imports;
    private final CurrentCaller caller;

    public ImportResource(ImportService imports, CurrentCaller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(CSV)
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Import pledges or payments from a CSV file",
            description = "RFC 4180, UTF-8 without byte order mark, a header row naming the columns; up to 20 MB. Pledge columns: "
                    + "contributorCode, budgetLine, earmarking, region, currency, amount, pledgedOn, reference, and optionally "
                    + "schedule (2022=10400000;2023=10400000), programme, channel, modality. Payment columns: contributorCode, "
                    + "pledgeReference (the partner's reference of the pledge), amount, currency, receivedOn, reference, and "
                    + "optionally forYear. reference is required: a row already recorded with the same contributor, reference "
                    + "and values is unchanged, so uploading a file twice records nothing new; the same reference with other "
                    + "values is a problem of the row. A value starting with =, +, - or @ is kept as text. Problems name the "
                    + "row (the header is row 1) and the column. Finance.")
    @APIResponse(responseCode = "200", description = "Dry run: what a real run would do, and every problem; nothing written",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "201", description = "Every row recorded or unchanged, in one transaction; Location names the import",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers = @Header(name = "Location", description = "The import", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "202", description = "A file of more rows than are answered at once (1,000 by default) runs on as a "
            + "job: Location names the import, whose GET shows its progress and then its outcome (as a dry run's report, the "
            + "recorded summary, or the problems)",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers = @Header(name = "Location", description = "The import, to poll", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a readable file (a byte order mark, not UTF-8, not CSV, absurdly many "
            + "commas on a line, unknown, missing or repeated columns, no rows) or a bad kind or dryRun; nothing written")
    @APIResponse(responseCode = "413", description = "The file is over 20 MB; nothing written")
    @APIResponse(responseCode = "422", description = "A real run with a problem in any row: problems lists every one "
            + "({row, field, message}, as a dry run lists them); nothing written")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "two pledges", value = ApiExamples.PLEDGES_CSV)))
    public Response upload(@Parameter(description = KIND_HELP, required = true, example = "pledges") @QueryParam("kind") String kind,
                           @Parameter(description = "true: check every row and record nothing; default false", example = "true")
                           @QueryParam("dryRun") String dryRun,
                           InputStream body) {
        ImportService.Upload upload = imports.upload(caller.get(), kind(kind), dryRun(dryRun), body);
        if (upload.report() != null) {
            return Response.ok(upload.report()).build();
        }
        URI location = URI.create(PATH + "/" + upload.summary().id());
        return (upload.running() ? Response.accepted(upload.summary()).location(location) : Response.created(location).entity(upload.summary()))
                .build();
    }

    @GET
    @Path("/template.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "An import file to start from", description = "The header row with every column, and one example row. Finance.")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A bad kind (problem+json)")
    public Response template(@Parameter(description = KIND_HELP, required = true, example = "payments") @QueryParam("kind") String kind) {
        ImportKind importKind = kind(kind);
        return Response.ok(importKind.template(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + importKind.code() + "-template.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "An import: what it did, or how far it has got while it runs, and who ran it",
            description = "status RUNNING, with processed rows, until it is CHECKED (dry run), RECORDED, REJECTED (problems lists "
                    + "every one; nothing recorded) or FAILED (nothing recorded; upload the file again). Finance.")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "404", description = "No such import (problem+json)")
    public ImportSummary get(@PathParam("id") UUID id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
    }

    private static ImportKind kind(String kind) {
        return ImportKind.of(kind).orElseThrow(() -> InvalidRequestException.parameter("kind", "must be pledges or payments"));
    }

    private static boolean dryRun(String dryRun) {
        if (dryRun == null || dryRun.equals("false")) {
            return false;
        }
        if (dryRun.equals("true")) {
            return true;
        }
        throw InvalidRequestException.parameter("dryRun", "must be true or false");
    }
}
