package org.unhabitat.contributions.rest;

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
import org.unhabitat.contributions.api.ExchangeRateDto;
import org.unhabitat.contributions.api.ExchangeRateRequest;
import org.unhabitat.contributions.service.ExchangeRateService;
import org.unhabitat.platform.http.OpenApiDefinition;
import org.unhabitat.platform.security.CurrentCaller;
import org.unhabitat.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange rates", description = "UN operational rates of exchange, in units of a currency per US dollar, one per "
        + "currency and month, with every revision kept. Pledges and payments are converted to USD at the rate of their month.")
public class ExchangeRateResource {

    private final ExchangeRateService rates;
    private final CurrentCaller caller;

    public ExchangeRateResource(ExchangeRateService rates, CurrentCaller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @PUT
    @Path("/{currency}/{month}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @SecurityRequirement(name = OpenApiDefinition.BEARER)
    @Operation(summary = "Set or revise the UN operational rate of exchange of a month",
            description = "Units of the currency per US dollar. A different value is a new revision; amounts already "
                    + "recorded keep the rate they were converted at. USD is always 1 and is not set. Finance.")
    @APIResponse(responseCode = "201", description = "First rate for that month", content = @Content(schema = @Schema(implementation = ExchangeRateDto.class)),
            headers = @Header(name = "Location", description = "The month's rate", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Revised, or unchanged", content = @Content(schema = @Schema(implementation = ExchangeRateDto.class)))
    @APIResponse(responseCode = "400", description = "Unknown currency, bad month or rate (problem+json)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExchangeRateRequest.class),
            examples = @ExampleObject(name = "SEK in September 2021", value = ApiExamples.RATE)))
    public Response set(@Parameter(example = "SEK") @PathParam("currency") String currency,
                        @Parameter(example = "2021-09") @PathParam("month") String month,
                        @Valid @NotNull ExchangeRateRequest request) {
        ExchangeRateService.Setting setting = rates.set(caller.get(), currency, month, request);
        return setting.created()
                ? Response.created(URI.create("/api/v1/exchange-rates/" + currency + "/" + month)).entity(setting.rate()).build()
                : Response.ok(setting.rate()).build();
    }

    @GET
    @Path("/{currency}/{month}")
    @PermitAll
    @Operation(summary = "The current rate of a month", description = "Public.")
    @APIResponse(responseCode = "200", description = "The latest revision")
    @APIResponse(responseCode = "404", description = "No rate set for that month (problem+json)")
    public ExchangeRateDto get(@Parameter(example = "SEK") @PathParam("currency") String currency,
                               @Parameter(example = "2021-09") @PathParam("month") String month) {
        return rates.find(currency, month)
                .orElseThrow(() -> new NotFoundException("No rate of exchange for " + currency + " in " + month));
    }

    @GET
    @Path("/{currency}/{month}/history")
    @PermitAll
    @Operation(summary = "Every revision of a month's rate, oldest first", description = "Public.")
    public List<ExchangeRateDto> history(@Parameter(example = "SEK") @PathParam("currency") String currency,
                                         @Parameter(example = "2021-09") @PathParam("month") String month) {
        return rates.history(currency, month);
    }
}
