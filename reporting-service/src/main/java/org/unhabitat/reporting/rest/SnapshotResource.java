package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.ProblemResponses;
import org.unhabitat.platform.security.Roles;
import org.unhabitat.reporting.api.MonthEndSnapshot;
import org.unhabitat.reporting.service.SnapshotService;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

@Path("/api/v1/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Month-end snapshots")
public class SnapshotResource {

    /** A replay of a million events takes about a minute; a consumer merely behind catches up within seconds. */
    static final String RETRY_AFTER_SECONDS = "10";

    private final SnapshotService snapshots;
    private final ProblemResponses problems;
    private final Clock clock;

    public SnapshotResource(SnapshotService snapshots, ProblemResponses problems, Clock clock) {
        this.snapshots = snapshots;
        this.problems = problems;
        this.clock = clock;
    }

    @GET
    @Path("/{month}")
    @PermitAll
    @Operation(summary = "A frozen month-end snapshot",
            description = "The figures of the monthly financial update as they stood at the end of the month: progress, "
                    + "regions, the monthly series and the top contributors per line. Taken automatically once the month "
                    + "has ended and every event has been applied, and never changed afterwards. Public.")
    @APIResponse(responseCode = "200", description = "The snapshot",
            content = @Content(schema = @Schema(implementation = MonthEndSnapshot.class)))
    @APIResponse(responseCode = "400", description = "Not a month as YYYY-MM (problem+json)")
    @APIResponse(responseCode = "404", description = "No snapshot of that month (problem+json)")
    public String get(@Parameter(description = "Month as YYYY-MM", example = "2021-11") @PathParam("month") String month) {
        return snapshots.find(parse(month)).orElseThrow(() -> new NotFoundException("No snapshot of " + month));
    }

    @POST
    @Path("/{month}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Take an ended month's snapshot now",
            description = "For months that ended before reporting-service ran, or to take one without waiting for the "
                    + "hourly check. An existing snapshot is returned unchanged (200); a new one gives 201. No new snapshot is "
                    + "taken while the read model does not hold every event published so far (409). Admin only.")
    @APIResponse(responseCode = "201", description = "Taken")
    @APIResponse(responseCode = "200", description = "Already taken; returned unchanged")
    @APIResponse(responseCode = "400", description = "Not a month, or a month that has not ended (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    @APIResponse(responseCode = "409", description = "A replay is under way, a consumer is behind or a valid event is parked; "
            + "retry after the seconds in Retry-After (problem+json)")
    public Response take(@Parameter(description = "Month as YYYY-MM", example = "2021-12") @PathParam("month") String month,
                         @Context UriInfo uri) {
        YearMonth ended = parse(month);
        if (!ended.isBefore(YearMonth.now(clock))) {
            throw InvalidRequestException.parameter("month", "has not ended yet");
        }
        SnapshotService.Outcome outcome = snapshots.take(ended);
        if (outcome instanceof SnapshotService.Postponed postponed) {
            return Response.fromResponse(problems.response(Response.Status.CONFLICT.getStatusCode(), "read-model-behind",
                            "Conflict", "The read model does not hold every event yet, so the month cannot be frozen now: "
                                    + String.join("; ", postponed.behind()), uri.getPath(), null))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        SnapshotService.Taken snapshot = (SnapshotService.Taken) outcome;
        return Response.status(snapshot.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(snapshot.content()).type(MediaType.APPLICATION_JSON).build();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.parameter("month", "must be a month as YYYY-MM");
        }
    }
}
