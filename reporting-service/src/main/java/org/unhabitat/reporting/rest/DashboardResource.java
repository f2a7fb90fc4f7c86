package org.unhabitat.reporting.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.reporting.service.DashboardService;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The public dashboard and the printable monthly update, rendered here in the reader's language and charted
 * in the browser by /dashboard/dashboard.js from the pages' own data tables.
 */
@Path("/")
@Tag(name = "Dashboard")
@PublicReport
public class DashboardResource {

    /** No inline script may run: the page's only scripts are same-origin files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";
    private static final String LANG_DESCRIPTION = "en, fr, es or zh; from Accept-Language when absent, else en";

    private final DashboardService dashboards;
    private final Template year;
    private final Template plan;
    private final Template monthlyUpdate;

    public DashboardResource(DashboardService dashboards, @Location("dashboard.html") Template year,
                             @Location("dashboard-plan.html") Template plan,
                             @Location("monthly-update.html") Template monthlyUpdate) {
        this.dashboards = dashboards;
        this.year = year;
        this.plan = plan;
        this.monthlyUpdate = monthlyUpdate;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dashboard", description = "A year's income received against target per line (Figure 2), "
            + "regions received and pledged, the monthly cumulative trend against the target, the top 10 per line, the "
            + "core donor base, the Funding Compact indicators and the forecast; or, with plan, each line against the "
            + "plan's envelope, cumulative by year. Without year or plan: the most recent year with income received. Public.")
    @APIResponse(responseCode = "200", description = "An HTML page")
    @APIResponse(responseCode = "400", description = "A malformed parameter, or both year and plan (problem+json)")
    @APIResponse(responseCode = "404", description = "No such plan (problem+json)")
    public Response page(
            @Parameter(description = "Calendar year; the most recent year with income received when absent", example = "2021")
            @QueryParam("year") String yearParameter,
            @Parameter(description = "Plan id, for the view against the plan's envelopes", example = "2020-2023")
            @QueryParam("plan") @Pattern(regexp = "\\d{4}-\\d{4}", message = "must look like 2020-2023") String planId,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = LANG_DESCRIPTION, example = "fr") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        DashboardLanguage language = DashboardLanguage.choose(lang, headers.getAcceptableLanguages());
        Integer chosenYear = ReportParameters.optionalYear(yearParameter);
        LocalDate cutOff = ReportParameters.asOf(asOf);
        if (planId != null && chosenYear != null) {
            throw InvalidRequestException.parameter("plan", "give at most one of year (e.g. year=2021) and plan (e.g. plan=2020-2023)");
        }
        String query = (cutOff == null ? "" : "asOf=" + cutOff + "&");
        if (planId != null) {
            return html(plan.data("view", dashboards.plan(planId, cutOff)
                            .orElseThrow(() -> new NoSuchResourceException("No plan with id " + planId)))
                    .data("latestYear", dashboards.latestYearWithIncome()), "plan=" + planId + "&" + query, language);
        }
        int shown = chosenYear == null ? dashboards.latestYearWithIncome() : chosenYear;
        return html(year.data("data", dashboards.dashboard(shown, cutOff)), "year=" + shown + "&" + query, language);
    }

    @GET
    @Path("monthly-update")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The monthly financial update", description = "A printable page (one A4 sheet) for member "
            + "states: progress per line at the month's end, the month's income, new and increased core partners, and "
            + "thanks to the partners who paid in the month. Individuals are never named. Public.")
    @APIResponse(responseCode = "200", description = "An HTML page")
    @APIResponse(responseCode = "400", description = "A missing or malformed month or lang (problem+json)")
    public Response monthlyUpdate(
            @Parameter(description = "The month, as YYYY-MM", example = "2021-12", required = true) @QueryParam("month") String month,
            @Parameter(description = LANG_DESCRIPTION, example = "fr") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        DashboardLanguage language = DashboardLanguage.choose(lang, headers.getAcceptableLanguages());
        YearMonth chosen = month(month);
        return html(monthlyUpdate.data("update", dashboards.monthlyUpdate(chosen)), "month=" + chosen + "&", language);
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.parameter("month", "is required, as YYYY-MM");
        }
        try {
            YearMonth month = YearMonth.parse(value.trim());
            if (month.getYear() >= 1945 && month.getYear() <= 2100) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // Reported below, like a month out of range.
        }
        throw InvalidRequestException.parameter("month", "must be a month as YYYY-MM from 1945-01 to 2100-12, e.g. 2021-12");
    }

    /** {@code query} repeats the page's parameters but the language, so the switcher's links keep the view. */
    private static Response html(TemplateInstance page, String query, DashboardLanguage language) {
        String body = page.data("lang", language.tag())
                .data("languages", List.of(DashboardLanguage.values()))
                .data("query", query)
                .setAttribute(MessageBundles.ATTRIBUTE_LOCALE, language.locale())
                .render();
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Content-Language", language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
