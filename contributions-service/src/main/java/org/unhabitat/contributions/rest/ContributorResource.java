package org.unhabitat.contributions.rest;

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
import org.unhabitat.contributions.api.ContributorDto;
import org.unhabitat.contributions.api.ContributorRequest;
import org.unhabitat.contributions.service.ContributorService;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;

import java.net.URI;

@Path("/api/v1/contributors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contributors", description = "Member states, the European Commission, UN entities, funds, banks, foundations, "
        + "local governments and individuals who pledge, each under a stable code.")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class ContributorResource {

    private final ContributorService contributors;
    private final CurrentCaller caller;

    public ContributorResource(ContributorService contributors, CurrentCaller caller) {
        this.contributors = contributors;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Register or update a contributor",
            description = "Member states by ISO 3166-1 alpha-3 code (SWE, TUR); others by a stable slug (EC, ADAPTATION-FUND, KFW). Finance.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ContributorDto.class)),
            headers = @Header(name = "Location", description = "The contributor", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged", content = @Content(schema = @Schema(implementation = ContributorDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid code, type or country (problem+json)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContributorRequest.class),
            examples = @ExampleObject(name = "a multilateral fund", value = ApiExamples.CONTRIBUTOR)))
    public Response register(@Parameter(example = "ADAPTATION-FUND") @PathParam("code") String code,
                             @Valid @NotNull ContributorRequest request) {
        ContributorService.Registration registration = contributors.register(code, request);
        return registration.created()
                ? Response.created(URI.create("/api/v1/contributors/" + code)).entity(registration.contributor()).build()
                : Response.ok(registration.contributor()).build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Get a contributor", description = "Finance, or the partner itself; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The contributor")
    @APIResponse(responseCode = "404", description = "No such contributor, or not yours (problem+json)")
    public ContributorDto get(@Parameter(example = "SWE") @PathParam("code") String code) {
        return contributors.find(caller.get(), code).orElseThrow(() -> new NotFoundException("No contributor " + code));
    }
}
