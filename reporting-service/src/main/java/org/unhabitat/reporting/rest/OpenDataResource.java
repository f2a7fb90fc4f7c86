package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.reporting.mapping.IatiActivitiesXml;
import org.unhabitat.reporting.mapping.IatiOrganisationXml;
import org.unhabitat.reporting.mapping.PledgeCsv;
import org.unhabitat.reporting.service.OpenDataService.PledgePage;
import org.unhabitat.reporting.service.OpenDataService;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
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
    @Operation(summary = "The pledge book as RFC 4180 CSV",
            description = "One row per pledge schedule entry: contributor, line, earmarking, region, the amount in its "
                    + "currency, the rate, USD at the pledge's rate, USD paid towards the year (at the payments' own rates), USD "
                    + "outstanding (at the pledge's rate) and the entry's status. Individual donors appear only as "
                    + "INDIVIDUAL-DONORS; a text field that starts with =, +, -, @, tab or CR starts with an apostrophe instead. "
                    + "Without limit and cursor, the whole file in one streamed response (every year when year is absent, by "
                    + "year and pledge id; no ETag). With limit or cursor, one page of the year: every page starts with the "
                    + "header row, and a Link header with rel=\"next\" points to the next page. Public.")
    @APIResponse(responseCode = "200", description = "The whole file, or one page of rows in pledge id order")
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag of a page")
    @APIResponse(responseCode = "400", description = "Pages without a year, or a malformed year, asOf, limit or cursor (problem+json)")
    public Response pledges(
            @Parameter(description = "Calendar year, e.g. 2021; every year when absent (required for pages)", example = "2021")
            @QueryParam("year") String year,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = "Rows per page, 1 to 5000; the whole file when absent with no cursor") @QueryParam("limit") String limit,
            @Parameter(description = "Where to continue: copy it from the previous page's Link header") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        LocalDate cutOff = ReportParameters.asOf(asOf);
        if ((limit == null || limit.isBlank()) && (cursor == null || cursor.isBlank())) {
            Integer onlyYear = ReportParameters.optionalYear(year);
            return Response.ok(wholeFile(onlyYear, cutOff), CSV).build();
        }
        PledgePage page = openData.pledges(ReportParameters.year(year), cutOff,
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

    /**
     * The whole pledge book, a page of one year at a time, each page read in a transaction of its own, so that neither
     * the file nor the database is ever held whole. Pages follow the keyset order, as the Link pages do.
     */
    private StreamingOutput wholeFile(Integer onlyYear, LocalDate asOf) {
        List<Integer> years = onlyYear != null ? List.of(onlyYear) : openData.pledgeYears(asOf);
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            writer.write(PledgeCsv.header());
            for (int pageYear : years) {
                UUID after = null;
                do {
                    PledgePage page = openData.pledges(pageYear, asOf, MAX_LIMIT, after);
                    writer.write(PledgeCsv.rows(page.rows()));
                    after = page.continueAfter();
                } while (after != null);
            }
            writer.flush();
        };
    }

    @GET
    @Path("/iati/activities.xml")
    @PermitAll
    @Produces(XML)
    @Operation(summary = "UN-Habitat's IATI 2.03 activity file of incoming money",
            description = "Valid against the official iati-activities-schema.xsd: one activity per programme, and one per "
                    + "budget line for money with no programme. Each pledge that stands is an incoming commitment (transaction "
                    + "type 11) and each payment incoming funds (type 1), in its original currency with its value-date; "
                    + "provider-org names the contributor (ref: its IATI organisation identifier when known), an individual "
                    + "only as an individual donor. Public.")
    @APIResponse(responseCode = "200", description = "The activity file")
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    public String iatiActivities() {
        return IatiActivitiesXml.write(openData.activities());
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
