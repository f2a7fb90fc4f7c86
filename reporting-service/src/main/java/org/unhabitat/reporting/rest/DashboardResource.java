package org.unhabitat.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.reporting.api.DashboardData;
import org.unhabitat.reporting.service.DashboardService;

import java.time.Clock;
import java.time.LocalDate;

/** The public dashboard: rendered here, charted in the browser by /dashboard/dashboard.js from the embedded JSON. */
@Path("/")
@Tag(name = "Dashboard")
@PublicReport
public class DashboardResource {

    /** No inline script may run: the page's only scripts are same-origin files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";
    private final DashboardService dashboards;
    private final ObjectMapper mapper;
    private final Template dashboard;
    private final Clock clock;

    public DashboardResource(DashboardService dashboards, ObjectMapper mapper, @Location("dashboard.html") Template dashboard,
                             Clock clock) {
        this.dashboards = dashboards;
        this.mapper = mapper;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dashboard", description = "Income received against target per line, regional shares, the "
            + "monthly cumulative trend and the top contributors of a year. Public.")
    @APIResponse(responseCode = "200", description = "An HTML page")
    @APIResponse(responseCode = "400", description = "A year out of range or a malformed asOf (problem+json)")
    public Response page(
            @Parameter(description = "Calendar year; the current year when absent", example = "2021") @QueryParam("year") String year,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf) {
        Integer chosen = ReportParameters.optionalYear(year);
        int shown = chosen == null ? LocalDate.now(clock).getYear() : chosen;
        LocalDate cutOff = ReportParameters.asOf(asOf);
        DashboardData data = dashboards.dashboard(shown, cutOff);
        String html = dashboard
                .data("data", data)
                .data("asOf", cutOff == null ? "" : cutOff.toString())
                .data("json", scriptSafeJson(data))
                .render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * JSON that can sit inside a script element: a name holding "</script>" or "<!--" must not end or
     * change the element, so every <, > and & becomes its \\u escape, which JSON.parse reads back unchanged.
     * U+2028 and U+2029 are escaped too, for older parsers that treat them as line ends.
     */
    private String scriptSafeJson(DashboardData data) {
        try {
            return mapper.writeValueAsString(data)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The dashboard data could not be serialised", e);
        }
    }
}
