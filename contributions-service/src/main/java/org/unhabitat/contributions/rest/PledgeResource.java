package org.unhabitat.contributions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.unhabitat.contributions.api.AuditEntryDto;
import org.unhabitat.contributions.api.CancellationRequest;
import org.unhabitat.contributions.api.CorrectionRequest;
import org.unhabitat.contributions.api.Page;
import org.unhabitat.contributions.api.PaymentDto;
import org.unhabitat.contributions.api.PaymentRequest;
import org.unhabitat.contributions.api.PledgeDto;
import org.unhabitat.contributions.api.PledgeRequest;
import org.unhabitat.contributions.api.PledgeVersionDto;
import org.unhabitat.contributions.service.PledgeChangeService;
import org.unhabitat.contributions.service.PledgeQuery;
import org.unhabitat.contributions.service.PledgeService;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path(PledgeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges", description = "Pledges by partners and finance, in the contributor's currency and over one or "
        + "more years, with the payments received against them, corrections and cancellations.")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class PledgeResource {

    static final String PATH = "/api/v1/pledges";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String KEY_HELP = "Same key and body: the first response again; other body: 422; still in flight: 409. Kept 24 h.";

    private final PledgeService pledges;
    private final PledgeChangeService changes;
    private final CurrentCaller caller;

    public PledgeResource(PledgeService pledges, PledgeChangeService changes, CurrentCaller caller) {
        this.pledges = pledges;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Record a pledge",
            description = "Converted to USD at the operational rate of the pledge's month; the rate is stored. "
                    + "A partner may pledge only for its own contributor code. programme names a programme learnt from "
                    + "targets-service's events; channel (default DIRECT) and modality (default GRANT) say how the money comes "
                    + "and in what form; each schedule entry is due on dueOn (default 31 December of its year).")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(schema = @Schema(implementation = PledgeDto.class)),
            headers = @Header(name = "Location", description = "The new pledge", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid (problem+json with field errors); nothing written")
    @APIResponse(responseCode = "404", description = "A partner pledging for another contributor")
    @APIResponse(responseCode = "409", description = "Reference already used by this contributor (pledgeId names the pledge), or the key is in flight")
    @APIResponse(responseCode = "422", description = "No rate for the month; a programme not known here (one defined moments ago in "
            + "targets-service may not be known yet: retry shortly) or of another budget line; or the key was used with another body")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PledgeRequest.class),
            examples = @ExampleObject(name = "Sweden, SEK 7 million for 2021", value = ApiExamples.PLEDGE)))
    public Response create(@Valid @NotNull PledgeRequest request,
                           @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Responses.created(pledges.record(caller.get(), request, idempotencyKey), PATH + "/");
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "List pledges, oldest first",
            description = "Finance sees all; a partner only its own. year matches pledges with that year in their schedule. "
                    + "Cursor pagination: pass next as cursor; pages do not shift while pledges arrive.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor (problem+json)")
    public Page<PledgeDto> list(@Parameter(example = "SWE") @QueryParam("contributor") String contributor,
                                @Parameter(example = "FOUNDATION_EARMARKED") @QueryParam("budgetLine") String budgetLine,
                                @Parameter(example = "2021") @QueryParam("year") String year,
                                @Parameter(example = "PLEDGED") @QueryParam("status") String status,
                                @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
                                @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor) {
        return pledges.list(caller.get(), new PledgeQuery(contributor, budgetLine, year, status, limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Get a pledge with its payments, status and balances",
            description = "Finance, or the pledge's own partner; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The pledge")
    @APIResponse(responseCode = "404", description = "No such pledge, or not yours (problem+json)")
    public PledgeDto get(@PathParam("id") UUID id) {
        return pledges.find(caller.get(), id).orElseThrow(() -> noPledge(id));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Every version of a pledge's amount and schedule, oldest first",
            description = "Version 1 as recorded, then each correction with its reason. Same visibility as the pledge.")
    public List<PledgeVersionDto> versions(@PathParam("id") UUID id) {
        return pledges.versions(caller.get(), id).orElseThrow(() -> noPledge(id));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "The audit trail of a pledge and its payments, oldest first",
            description = "Every write: who (token subject and role), from which client address, what and when. "
                    + "Recording, payments, corrections and cancellation. Append-only. Finance.")
    @APIResponse(responseCode = "200", description = "The pledge's audit entries")
    @APIResponse(responseCode = "403", description = "Not finance (problem+json)")
    @APIResponse(responseCode = "404", description = "No such pledge (problem+json)")
    public List<AuditEntryDto> audit(@PathParam("id") UUID id) {
        return pledges.auditTrail(caller.get(), id).orElseThrow(() -> noPledge(id));
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Record money received against a pledge",
            description = "In the pledge's currency, converted at the rate of the month received. forYear is the schedule "
                    + "year it settles (default: the earliest with an unpaid balance); reference is the bank's or partner's id, "
                    + "unique per pledge. Finance.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the payment",
            content = @Content(schema = @Schema(implementation = PaymentDto.class)),
            headers = @Header(name = "Location", description = "The new payment", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid amount or a date in the future (problem+json)")
    @APIResponse(responseCode = "409", description = "The pledge is cancelled, the reference is already used on this pledge "
            + "(Location and paymentId name that payment), or the key is in flight")
    @APIResponse(responseCode = "422", description = "Overpayment, another currency, no rate for the month, or not a schedule year")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentRequest.class),
            examples = @ExampleObject(name = "paid in full", value = ApiExamples.PAYMENT)))
    public Response pay(@PathParam("id") UUID id, @Valid @NotNull PaymentRequest request,
                        @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Responses.created(changes.recordPayment(caller.get(), id, request, idempotencyKey), PATH + "/" + id + "/payments/");
    }

    @GET
    @Path("/{id}/payments/{paymentId}")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Get one payment", description = "Same visibility as its pledge.")
    public PaymentDto payment(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId) {
        return pledges.findPayment(caller.get(), id, paymentId)
                .orElseThrow(() -> new NotFoundException("No payment " + paymentId + " on pledge " + id));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Correct a pledge's amount and schedule",
            description = "A new version with a reason; the old one stays readable under /versions. The pledge keeps its "
                    + "currency and rate. A year cannot be corrected below what is already paid towards it. Finance.")
    @APIResponse(responseCode = "200", description = "The corrected pledge", content = @Content(schema = @Schema(implementation = PledgeDto.class)))
    @APIResponse(responseCode = "409", description = "The pledge is cancelled")
    @APIResponse(responseCode = "422", description = "The correction would leave a year overpaid")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CorrectionRequest.class),
            examples = @ExampleObject(name = "raised to SEK 8 million", value = ApiExamples.CORRECTION)))
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequest request,
                            @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Responses.changed(changes.correct(caller.get(), id, request, idempotencyKey));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Cancel a pledge", description = "The unpaid balance is written off, with the reason. Finance.")
    @APIResponse(responseCode = "200", description = "The cancelled pledge", content = @Content(schema = @Schema(implementation = PledgeDto.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled, or paid in full")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancellationRequest.class),
            examples = @ExampleObject(name = "withdrawn", value = ApiExamples.CANCELLATION)))
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancellationRequest request,
                           @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Responses.changed(changes.cancel(caller.get(), id, request, idempotencyKey));
    }

    private static NotFoundException noPledge(UUID id) {
        return new NotFoundException("No pledge " + id);
    }
}
