package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.reporting.api.ProgressReport;
import org.unhabitat.reporting.service.ProgressService;

import java.time.LocalDate;

@Path("/api/v1/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
@PublicReport
public class ProgressResource {

    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @PermitAll
    @Operation(summary = "Income mobilized against targets, per core budget line",
            description = "With year=2021: received, prior-year, pledged and outstanding USD per line against the year's "
                    + "income targets (Figure 2 of the 2022 report: 14.2/14.5, 2.9/10.0, 34.3/43.3 and 144.8/152.6 million "
                    + "as of 2021-12-31). With plan=2020-2023: against the plan envelopes (60M, 41M, 262M, 607M; 970M), "
                    + "summed over the plan's years. receivedUsd counts payments received in the period whatever year they "
                    + "settle; priorYearUsd is the part settling an earlier schedule year. Public.")
    @APIResponse(responseCode = "200", description = "One row per line, and totals equal to the sum of the rows")
    @APIResponse(responseCode = "400", description = "Neither or both of plan and year, or a malformed parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "No such plan (problem+json)")
    public ProgressReport get(
            @Parameter(description = "Plan id", example = "2020-2023")
            @QueryParam("plan") @Pattern(regexp = "\\d{4}-\\d{4}", message = "must look like 2020-2023") String plan,
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021")
            @QueryParam("year") String year,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION, example = "2021-12-31") @QueryParam("asOf") String asOf) {
        LocalDate cutOff = ReportParameters.asOf(asOf);
        Integer reportYear = ReportParameters.optionalYear(year);
        if ((plan == null) == (reportYear == null)) {
            throw InvalidRequestException.parameter(plan == null ? "year" : "plan",
                    "give exactly one of year (e.g. year=2021) and plan (e.g. plan=2020-2023)");
        }
        if (reportYear != null) {
            return progress.forYear(reportYear, cutOff);
        }
        return progress.againstPlan(plan, cutOff).orElseThrow(() -> new NotFoundException("No plan with id " + plan));
    }
}
