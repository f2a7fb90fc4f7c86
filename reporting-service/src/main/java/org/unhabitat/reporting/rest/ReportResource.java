package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.reporting.api.DonorBase;
import org.unhabitat.reporting.api.Forecast;
import org.unhabitat.reporting.api.Indicators;
import org.unhabitat.reporting.api.MonthRow;
import org.unhabitat.reporting.api.RegionRow;
import org.unhabitat.reporting.api.TopContributorRow;
import org.unhabitat.reporting.service.DonorReportService;
import org.unhabitat.reporting.service.IndicatorService;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@PublicReport
public class ReportResource {

    private final DonorReportService donors;
    private final IndicatorService indicators;

    public ReportResource(DonorReportService donors, IndicatorService indicators) {
        this.donors = donors;
        this.indicators = indicators;
    }

    @GET
    @Path("/top-contributors")
    @PermitAll
    @Operation(summary = "Top contributors of a year, per budget line",
            description = "Ranked by USD received in the year, ties by name. In 2021 the top Foundation non-earmarked "
                    + "contributors were the United States of America, China and Türkiye. Individual donors are reported "
                    + "together as INDIVIDUAL-DONORS, never by name. Public.")
    @APIResponse(responseCode = "200", description = "At most limit rows")
    @APIResponse(responseCode = "400", description = "Missing year, unknown budget line or limit out of range (problem+json)")
    public List<TopContributorRow> topContributors(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = "A core budget line; all lines when absent", example = "FOUNDATION_NON_EARMARKED") @QueryParam("budgetLine") String budgetLine,
            @Parameter(description = "Rows, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf) {
        return donors.topContributors(ReportParameters.year(year), ReportParameters.budgetLine(budgetLine), ReportParameters.limit(limit, 10, 100),
                ReportParameters.asOf(asOf));
    }

    @GET
    @Path("/regions")
    @PermitAll
    @Operation(summary = "Money by executing region, with shares of income",
            description = "Every region with its USD pledged for the year (by schedule year, as in /progress, so money pledged "
                    + "for a later year shows before it is paid), its USD received in the year and its share of the year's "
                    + "income (HALF_UP to one decimal). As of 2021-11-30 the Arab States received 54.2 million, 44.2 per cent "
                    + "(Figure 3); Switzerland's USD 20 million for 2022 is pledged to Latin America and the Caribbean. Public.")
    @APIResponse(responseCode = "200", description = "Six rows")
    @APIResponse(responseCode = "400", description = "Missing year, unknown budget line or malformed asOf (problem+json)")
    public List<RegionRow> regions(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = "A core budget line; all lines when absent") @QueryParam("budgetLine") String budgetLine,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION, example = "2021-11-30") @QueryParam("asOf") String asOf) {
        return donors.regions(ReportParameters.year(year), ReportParameters.budgetLine(budgetLine), ReportParameters.asOf(asOf));
    }

    @GET
    @Path("/monthly")
    @PermitAll
    @Operation(summary = "The monthly income series of a year",
            description = "Twelve rows, January to December, with each month's USD received and the running total: "
                    + "the figures of the monthly financial update to member states. Public.")
    @APIResponse(responseCode = "200", description = "Twelve rows")
    @APIResponse(responseCode = "400", description = "Missing year, unknown budget line or malformed asOf (problem+json)")
    public List<MonthRow> monthly(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = "A core budget line; all lines when absent") @QueryParam("budgetLine") String budgetLine,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf) {
        return donors.monthly(ReportParameters.year(year), ReportParameters.budgetLine(budgetLine), ReportParameters.asOf(asOf));
    }

    @GET
    @Path("/donor-base")
    @PermitAll
    @Operation(summary = "New, resumed and increased core donors",
            description = "Core donors pay towards Foundation non-earmarked. In 2021 Mauritius, Namibia and Türkiye were new, "
                    + "Egypt, Italy and Rwanda resumed, and Kiribati and the Philippines increased (paragraph 10). Public.")
    @APIResponse(responseCode = "200", description = "The year's core donor base")
    @APIResponse(responseCode = "400", description = "Missing year or malformed asOf (problem+json)")
    public DonorBase donorBase(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf) {
        return donors.donorBase(ReportParameters.year(year), ReportParameters.asOf(asOf));
    }

    @GET
    @Path("/kpis")
    @PermitAll
    @Operation(summary = "Funding Compact indicators",
            description = "Core share (non-earmarked over all voluntary income), softly earmarked share, multi-year share, "
                    + "the number of contributing member states and the contributor-type mix. Voluntary income is every line "
                    + "but the regular budget. Public.")
    @APIResponse(responseCode = "200", description = "The year's indicators")
    @APIResponse(responseCode = "400", description = "Missing year or malformed asOf (problem+json)")
    public Indicators kpis(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION) @QueryParam("asOf") String asOf) {
        return indicators.indicators(ReportParameters.year(year), ReportParameters.asOf(asOf));
    }

    @GET
    @Path("/forecast")
    @PermitAll
    @Operation(summary = "Year-end income forecast",
            description = "Per line: received to date, outstanding pledges due in the year, a run-rate projection, and the "
                    + "forecast. The method is stated in the response. Public.")
    @APIResponse(responseCode = "200", description = "The forecast and its method")
    @APIResponse(responseCode = "400", description = "Missing year or malformed asOf (problem+json)")
    public Forecast forecast(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = "Forecast from this day instead of today") @QueryParam("asOf") String asOf) {
        return indicators.forecast(ReportParameters.year(year), ReportParameters.asOf(asOf));
    }
}
