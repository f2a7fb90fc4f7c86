package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.reporting.mapping.IatiOrganisationXml;
import org.unhabitat.reporting.mapping.PledgeCsv;
import org.unhabitat.reporting.service.OpenDataService.PledgePage;
import org.unhabitat.reporting.service.OpenDataService;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Files for the transparency portal open.unhabitat.org; errors are problem+json like everywhere else. */
@Path("/api/v1/open-data")
@Tag(name = "Open data")
@PublicReport
public class OpenDataResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XML = "application/xml; charset=UTF-8";
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;
    private static final String CURSOR_PREFIX = "after:";

    private final OpenDataService openData;

    public OpenDataResource(OpenDataService openData) {
        this.openData = openData;
    }

    @GET
    @Path("/pledges.csv")
    @PermitAll
    @Produces(CSV)
    @Operation(summary = "The pledge book of a year as RFC 4180 CSV",
            description = "One row per pledge schedule entry for the year: contributor, line, earmarking, region, the amount "
                    + "in its currency, the rate, USD at the pledge's rate, USD paid towards the year (at the payments' own "
                    + "rates), USD outstanding (at the pledge's rate) and the entry's status. Individual donors appear only as "
                    + "INDIVIDUAL-DONORS. Every page starts with the header row; a Link header with rel=\"next\" points to the "
                    + "next page. Public.")
    @APIResponse(responseCode = "200", description = "One page of rows, in pledge id order")
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    @APIResponse(responseCode = "400", description = "Missing year, or a malformed asOf, limit or cursor (problem+json)")
    public Response pledges(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = "Rows per page, 1 to 5000; 500 when absent") @QueryParam("limit") String limit,
            @Parameter(description = "Where to continue: copy it from the previous page's Link header") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PledgePage page = openData.pledges(ReportParameters.year(year), ReportParameters.asOf(asOf),
                ReportParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), decodeCursor(cursor));
        Response.ResponseBuilder response = Response.ok(PledgeCsv.write(page.rows()), CSV);
        if (page.continueAfter() != null) {
            URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", encodeCursor(page.continueAfter())).build();
            // Relative, so that the link stays right behind the portal's reverse proxy.
            response.header(HttpHeaders.LINK, "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/iati/organisation.xml")
    @PermitAll
    @Produces(XML)
    @Operation(summary = "UN-Habitat's IATI 2.03 organisation file",
            description = "Valid against the official iati-organisations-schema.xsd: a total-budget per year with income "
                    + "targets (status 1, indicative) broken down by core budget line, and the income received per year and "
                    + "line in the extension element unh:income-received, since IATI has no income element. Public.")
    @APIResponse(responseCode = "200", description = "The organisation file")
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    public String iatiOrganisation() {
        return IatiOrganisationXml.write(openData.organisation());
    }

    static String encodeCursor(UUID after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + after).getBytes(StandardCharsets.UTF_8));
    }

    static UUID decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                return UUID.fromString(decoded.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // Reported below: a cursor is only ever one this endpoint issued.
        }
        throw InvalidRequestException.parameter("cursor", "is not a cursor from this endpoint's Link header");
    }
}
