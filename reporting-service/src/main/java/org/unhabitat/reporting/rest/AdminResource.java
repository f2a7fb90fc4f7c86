package org.unhabitat.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.security.Roles;
import org.unhabitat.reporting.service.RebuildService;

import java.util.Map;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AdminResource {

    private final RebuildService rebuild;

    public AdminResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Rebuild the read model from the topics",
            description = "Empties every derived table and replays targets.events and contributions.events from the "
                    + "beginning. Reports converge to the same figures once the replay has caught up; month-end snapshots "
                    + "are kept. Admin only.")
    @APIResponse(responseCode = "202", description = "The replay has started")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    public Response rebuild() {
        rebuild.rebuild();
        return Response.accepted(Map.of("status", "REPLAYING")).build();
    }
}
