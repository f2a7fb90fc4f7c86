package org.unhabitat.contributions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
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
import org.unhabitat.contributions.api.Page;
import org.unhabitat.contributions.api.WebhookChangeRequest;
import org.unhabitat.contributions.api.WebhookDeliveryDto;
import org.unhabitat.contributions.api.WebhookDto;
import org.unhabitat.contributions.api.WebhookRequest;
import org.unhabitat.contributions.service.WebhookService;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path(WebhookResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks) that tell a partner's system what happened to its "
        + "pledges: pledge.recorded, pledge.corrected, pledge.cancelled, payment.recorded and instalment.overdue.")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class WebhookResource {

    static final String PATH = "/api/v1/webhooks";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String KEY_HELP = "Same key and body: the first response again; other body: 422; still in flight: 409. Kept 24 h.";

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    public WebhookResource(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Create a webhook endpoint",
            description = "A partner for its own contributor code (the default), finance for any or, without contributorCode, "
                    + "for every contributor. The url must be https to a public address. The secret (whsec_ and base64) is in "
                    + "this answer only: keep it to verify the webhook-signature header.")
    @APIResponse(responseCode = "201", description = "Created, with its secret; Location names it",
            content = @Content(schema = @Schema(implementation = WebhookDto.class)),
            headers = @Header(name = "Location", description = "The new endpoint", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid: a url that is not https or points to a private, loopback or "
            + "link-local address, an unknown event name, an unregistered contributor (problem+json with field errors)")
    @APIResponse(responseCode = "404", description = "A partner naming another contributor")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "Sweden's ERP", value = ApiExamples.WEBHOOK)))
    public Response create(@Valid @NotNull WebhookRequest request,
                           @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Responses.created(webhooks.create(caller.get(), request, idempotencyKey), PATH + "/");
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "List webhook endpoints", description = "A partner's own; finance sees all. Oldest first; secrets are never shown.")
    @APIResponse(responseCode = "200", description = "The endpoints")
    public List<WebhookDto> list() {
        return webhooks.list(caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Get a webhook endpoint", description = "Its owner or finance; anyone else gets 404. A disabled one says why.")
    @APIResponse(responseCode = "200", description = "The endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint, or not yours (problem+json)")
    public WebhookDto get(@PathParam("id") UUID id) {
        return webhooks.find(caller.get(), id).orElseThrow(() -> noWebhook(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Change a webhook endpoint's url, events or enabled",
            description = "enabled=true re-enables an endpoint that was disabled after failing for 5 days (and forgets the "
                    + "failures); enabled=false pauses it. Fields left out stay as they are.")
    @APIResponse(responseCode = "200", description = "The endpoint as changed", content = @Content(schema = @Schema(implementation = WebhookDto.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint, or not yours (problem+json)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookChangeRequest.class),
            examples = @ExampleObject(name = "re-enable", value = ApiExamples.WEBHOOK_CHANGE)))
    public WebhookDto change(@PathParam("id") UUID id, @Valid @NotNull WebhookChangeRequest request) {
        return webhooks.change(caller.get(), id, request).orElseThrow(() -> noWebhook(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Delete a webhook endpoint", description = "With its deliveries, pending ones included.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such endpoint, or not yours (problem+json)")
    public Response delete(@PathParam("id") UUID id) {
        if (!webhooks.delete(caller.get(), id)) {
            throw noWebhook(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Rotate a webhook endpoint's secret",
            description = "A new secret, in this answer only. For 24 hours every delivery carries a signature with the previous "
                    + "secret too (webhook-signature lists both), so the receiver can switch without missing one.")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret", content = @Content(schema = @Schema(implementation = WebhookDto.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint, or not yours (problem+json)")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response rotateSecret(@PathParam("id") UUID id,
                                 @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Responses.changed(webhooks.rotateSecret(caller.get(), id, idempotencyKey));
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "List a webhook endpoint's deliveries, newest first",
            description = "Each message with its status (PENDING, DELIVERED, FAILED), next attempt, and every attempt with its "
                    + "time, the endpoint's answer and the error. Cursor pagination: pass next as cursor.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "404", description = "No such endpoint, or not yours (problem+json)")
    public Page<WebhookDeliveryDto> deliveries(@PathParam("id") UUID id,
                                               @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
                                               @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(caller.get(), id, limit, cursor).orElseThrow(() -> noWebhook(id));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/resend")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PARTNER, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Send a delivery's message again",
            description = "The same body and webhook-id, as a new delivery behind the pledge's other messages to this endpoint.")
    @APIResponse(responseCode = "202", description = "Queued: the new delivery", content = @Content(schema = @Schema(implementation = WebhookDeliveryDto.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint or delivery, or not yours (problem+json)")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response resend(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId,
                           @Parameter(description = KEY_HELP) @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 255) String idempotencyKey) {
        return Response.accepted(webhooks.resend(caller.get(), id, deliveryId, idempotencyKey).body())
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static NotFoundException noWebhook(UUID id) {
        return new NotFoundException("No webhook " + id);
    }
}
