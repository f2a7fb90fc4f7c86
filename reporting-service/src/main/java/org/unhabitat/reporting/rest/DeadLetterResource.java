package org.unhabitat.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;
import org.unhabitat.reporting.api.DeadLetterEntry;
import org.unhabitat.reporting.api.DeadLetterPage;
import org.unhabitat.reporting.api.DiscardRequest;
import org.unhabitat.reporting.api.RedriveResult;
import org.unhabitat.reporting.repository.DeadLetterRepository.DeadLetter;
import org.unhabitat.reporting.repository.DeadLetterRepository.Place;
import org.unhabitat.reporting.service.DeadLetterService;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class DeadLetterResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final String CURSOR_PREFIX = "after:";

    private final DeadLetterService deadLetters;
    private final CurrentCaller caller;

    public DeadLetterResource(DeadLetterService deadLetters, CurrentCaller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Records that were not applied",
            description = "One entry per topic, partition and offset, across rebuilds: records the event contracts refuse "
                    + "(REJECTED: malformed, or an unknown type or version; also sent to reporting.dead-letter), and valid "
                    + "events that could not be applied (PARKED: counted in the metric reporting_dead_letters and the readiness "
                    + "check, and holding month-end snapshots back). Admin only.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "A malformed limit or cursor (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    public DeadLetterPage list(@Parameter(description = "Entries per page, 1 to 500; 50 when absent") @QueryParam("limit") String limit,
                               @Parameter(description = "Where to continue: the previous page's next") @QueryParam("cursor") String cursor) {
        DeadLetterService.Page page = deadLetters.list(decodeCursor(cursor), ReportParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return new DeadLetterPage(page.items().stream().map(DeadLetterResource::entry).toList(),
                page.continueAfter() == null ? null : encodeCursor(page.continueAfter()));
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Apply every dead letter again",
            description = "In the order they stood in their topics, each on its own. Those that apply leave the list and count "
                    + "in the reports at once; those that still fail stay, with the new reason. An event applied meanwhile is "
                    + "not applied twice. Admin only.")
    @APIResponse(responseCode = "200", description = "How many were applied and how many still fail")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    public RedriveResult redriveAll() {
        DeadLetterService.Redriven redriven = deadLetters.redriveAll();
        return new RedriveResult(redriven.redriven(), redriven.stillFailing());
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Apply one dead letter again", description = "As the redrive of all, for one entry. Admin only.")
    @APIResponse(responseCode = "200", description = "Whether it was applied or still fails")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    @APIResponse(responseCode = "404", description = "No such entry (problem+json)")
    public RedriveResult redrive(@Parameter(description = "The entry's id", example = "contributions.events-2-4711") @PathParam("id") String id) {
        DeadLetterService.Redriven redriven = deadLetters.redrive(id)
                .orElseThrow(() -> new NoSuchResourceException("No dead letter " + id));
        return new RedriveResult(redriven.redriven(), redriven.stillFailing());
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give up a dead letter",
            description = "It leaves the list and is never applied; who discarded it, when and why are kept. Admin only.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "400", description = "No reason given (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    @APIResponse(responseCode = "404", description = "No such entry (problem+json)")
    public Response discard(@Parameter(description = "The entry's id", example = "contributions.events-2-4711") @PathParam("id") String id,
                            @Valid @NotNull DiscardRequest request) {
        if (!deadLetters.discard(id, caller.get().subject(), request.reason())) {
            throw new NoSuchResourceException("No dead letter " + id);
        }
        return Response.noContent().build();
    }

    private static DeadLetterEntry entry(DeadLetter deadLetter) {
        return new DeadLetterEntry(deadLetter.id(), deadLetter.topic(), deadLetter.partition(), deadLetter.offset(),
                deadLetter.eventType(), deadLetter.reason(), deadLetter.firstFailedAt(), deadLetter.kind(), deadLetter.attempts());
    }

    static String encodeCursor(Place after) {
        String place = CURSOR_PREFIX + after.topic() + "/" + after.partition() + "/" + after.offset();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(place.getBytes(StandardCharsets.UTF_8));
    }

    static Place decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = decoded.startsWith(CURSOR_PREFIX) ? decoded.substring(CURSOR_PREFIX.length()).split("/") : new String[0];
            if (parts.length == 3) {
                return new Place(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // Reported below: a cursor is only ever one this endpoint issued.
        }
        throw InvalidRequestException.parameter("cursor", "is not a cursor from this list's next");
    }
}
