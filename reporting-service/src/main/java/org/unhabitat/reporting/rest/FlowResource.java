package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.reporting.api.FlowReport;
import org.unhabitat.reporting.domain.FlowDimension;
import org.unhabitat.reporting.mapping.FlowCsv;
import org.unhabitat.reporting.service.FlowService;
import org.unhabitat.reporting.service.FlowService.FlowRequest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

@Path("/api/v1/flows")
@Produces({MediaType.APPLICATION_JSON, OpenDataResource.CSV})
@Tag(name = "Reports")
@PublicReport
public class FlowResource {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_GROUP_BY = 3;

    private final FlowService flows;

    public FlowResource(FlowService flows) {
        this.flows = flows;
    }

    @GET
    @PermitAll
    @Operation(summary = "Money filtered and grouped: one query for every cross-tab",
            description = "Pledged, received and outstanding USD and the number of pledges, by up to three of year, month, "
                    + "budgetLine, region, earmarking, contributorType, contributor, programme, channel, modality and currency "
                    + "(groupBy, comma-separated), for the money that every filter given accepts (a filter may repeat). Year Y is "
                    + "the schedule year for pledged and outstanding and the receipt year for received, as in /progress; "
                    + "grouped by month, pledged and outstanding are null. Groups are sorted by key: codes in the order of the "
                    + "contract, contributors by code, years and months ascending. Individuals are never named: grouped by "
                    + "contributor they are INDIVIDUAL-DONORS, and an individual's code as the contributor filter matches "
                    + "nothing. Foundation earmarked money for GLOBAL received in 2021 was USD 27.7 million, 64% of the line's "
                    + "43.3 million target (paragraph 6). Public.")
    @APIResponse(responseCode = "200", description = "The groups, sorted by key, and their totals; one group with key {} without "
            + "groupBy. With Accept: text/csv, the same groups as RFC 4180 CSV: a column per groupBy dimension, then the figures",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowReport.class)),
                    @Content(mediaType = OpenDataResource.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A malformed or unknown filter value, year with fromYear or toYear, an "
            + "unknown or repeated groupBy dimension, more than three of them, or more than 10,000 groups (problem+json)")
    public Response flows(
            @Parameter(description = ReportParameters.YEAR_DESCRIPTION, example = "2021") @QueryParam("year") String year,
            @Parameter(description = "First year of a range, with toYear") @QueryParam("fromYear") String fromYear,
            @Parameter(description = "Last year of a range, with fromYear") @QueryParam("toYear") String toYear,
            @Parameter(description = "Budget line codes") @QueryParam("budgetLine") List<String> budgetLine,
            @Parameter(description = "Region codes") @QueryParam("region") List<String> region,
            @Parameter(description = "Earmarking codes") @QueryParam("earmarking") List<String> earmarking,
            @Parameter(description = "Contributor type codes") @QueryParam("contributorType") List<String> contributorType,
            @Parameter(description = "Contributor codes") @QueryParam("contributor") List<String> contributor,
            @Parameter(description = "Programme codes") @QueryParam("programme") List<String> programme,
            @Parameter(description = "Channel codes") @QueryParam("channel") List<String> channel,
            @Parameter(description = "Modality codes") @QueryParam("modality") List<String> modality,
            @Parameter(description = "ISO 4217 codes of the pledges' currencies") @QueryParam("currency") List<String> currency,
            @Parameter(description = ReportParameters.AS_OF_DESCRIPTION, example = "2021-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = "Up to three dimensions, comma-separated", example = "budgetLine,region") @QueryParam("groupBy") String groupBy,
            @Context HttpHeaders headers) {
        Integer single = ReportParameters.optionalYear(year);
        Integer from = ReportParameters.namedYear("fromYear", fromYear);
        Integer to = ReportParameters.namedYear("toYear", toYear);
        if (single != null && (from != null || to != null)) {
            throw InvalidRequestException.parameter("year", "cannot be combined with fromYear or toYear");
        }
        if ((from == null) != (to == null)) {
            throw InvalidRequestException.parameter(from == null ? "fromYear" : "toYear", "must be given with "
                    + (from == null ? "toYear" : "fromYear"));
        }
        if (from != null && from > to) {
            throw InvalidRequestException.parameter("toYear", "must not be before fromYear");
        }
        Map<FlowDimension, Set<String>> filters = new EnumMap<>(FlowDimension.class);
        coded(filters, FlowDimension.BUDGET_LINE, budgetLine);
        coded(filters, FlowDimension.REGION, region);
        coded(filters, FlowDimension.EARMARKING, earmarking);
        coded(filters, FlowDimension.CONTRIBUTOR_TYPE, contributorType);
        matching(filters, FlowDimension.CONTRIBUTOR, contributor, ReportParameters.CODE, "must be a contributor code");
        matching(filters, FlowDimension.PROGRAMME, programme, ReportParameters.CODE, "must be a programme code");
        coded(filters, FlowDimension.CHANNEL, channel);
        coded(filters, FlowDimension.MODALITY, modality);
        matching(filters, FlowDimension.CURRENCY, currency, CURRENCY, "must be an ISO 4217 code such as USD");
        List<FlowDimension> dimensions = dimensions(groupBy);
        FlowReport report = flows.flows(new FlowRequest(single != null ? single : from, single != null ? single : to, filters,
                dimensions, ReportParameters.asOf(asOf)));
        if (wantsCsv(headers)) {
            return Response.ok(FlowCsv.write(dimensions.stream().map(FlowDimension::parameter).toList(), report), OpenDataResource.CSV)
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV only when the client prefers it to JSON: the first acceptable type, by preference, decides. */
    private static boolean wantsCsv(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf("text/csv");
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }

    private static void coded(Map<FlowDimension, Set<String>> filters, FlowDimension dimension, List<String> values) {
        for (String value : values) {
            if (!dimension.codes().contains(value)) {
                throw InvalidRequestException.parameter(dimension.parameter(), "must be one of " + String.join(", ", dimension.codes()));
            }
        }
        if (!values.isEmpty()) {
            filters.put(dimension, new LinkedHashSet<>(values));
        }
    }

    private static void matching(Map<FlowDimension, Set<String>> filters, FlowDimension dimension, List<String> values,
                                 Pattern pattern, String message) {
        for (String value : values) {
            if (!pattern.matcher(value).matches()) {
                throw InvalidRequestException.parameter(dimension.parameter(), message);
            }
        }
        if (!values.isEmpty()) {
            filters.put(dimension, new LinkedHashSet<>(values));
        }
    }

    private static List<FlowDimension> dimensions(String groupBy) {
        List<FlowDimension> dimensions = new ArrayList<>();
        if (groupBy == null || groupBy.isBlank()) {
            return dimensions;
        }
        for (String name : groupBy.split(",", -1)) {
            FlowDimension dimension = FlowDimension.byParameter(name.strip()).orElseThrow(() -> InvalidRequestException.parameter(
                    "groupBy", "takes year, month, budgetLine, region, earmarking, contributorType, contributor, programme, "
                            + "channel, modality or currency"));
            if (dimensions.contains(dimension)) {
                throw InvalidRequestException.parameter("groupBy", "names " + dimension.parameter() + " twice");
            }
            dimensions.add(dimension);
        }
        if (dimensions.size() > MAX_GROUP_BY) {
            throw InvalidRequestException.parameter("groupBy", "takes at most " + MAX_GROUP_BY + " dimensions");
        }
        return dimensions;
    }
}
