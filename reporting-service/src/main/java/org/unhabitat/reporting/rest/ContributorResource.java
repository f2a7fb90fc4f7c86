package org.unhabitat.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.reporting.api.ContributorPage;
import org.unhabitat.reporting.api.ContributorStatement;
import org.unhabitat.reporting.domain.ContributorType;
import org.unhabitat.reporting.service.ContributorService;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

@Path("/api/v1/contributors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@PublicReport
public class ContributorResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;
    private static final String CURSOR_PREFIX = "after:";
    private static final String TYPES = Arrays.stream(ContributorType.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final ContributorService contributors;

    public ContributorResource(ContributorService contributors) {
        this.contributors = contributors;
    }

    @GET
    @PermitAll
    @Operation(summary = "The contributors, by code",
            description = "Every contributor as its own events describe it, optionally of one type; individuals are not listed. Public.")
    @APIResponse(responseCode = "200", description = "A page of contributors")
    @APIResponse(responseCode = "400", description = "An unknown type, or a malformed limit or cursor (problem+json)")
    public ContributorPage list(
            @Parameter(description = "A contributor type", example = "MEMBER_STATE") @QueryParam("type") String type,
            @Parameter(description = "Contributors per page, 1 to 500; 100 when absent") @QueryParam("limit") String limit,
            @Parameter(description = "Where to continue: the previous page's next") @QueryParam("cursor") String cursor) {
        ContributorService.Page page = contributors.list(type(type), decodeCursor(cursor),
                ReportParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return new ContributorPage(page.items(), page.continueAfter() == null ? null : encodeCursor(page.continueAfter()));
    }

    @GET
    @Path("/{code}/statement")
    @PermitAll
    @Operation(summary = "One partner's pledged, paid and outstanding money by year",
            description = "Per year and budget line: USD pledged and outstanding by schedule year, USD received by the year "
                    + "received, as in /progress; years without money are left out. 404 for an individual, who is never named. Public.")
    @APIResponse(responseCode = "200", description = "The statement")
    @APIResponse(responseCode = "400", description = "A malformed year, or toYear before fromYear (problem+json)")
    @APIResponse(responseCode = "404", description = "No contributor that may be named has this code (problem+json)")
    public ContributorStatement statement(
            @Parameter(description = "The contributor's code", example = "SWE") @PathParam("code") String code,
            @Parameter(description = "First year; from the first when absent", example = "2021") @QueryParam("fromYear") String fromYear,
            @Parameter(description = "Last year; to the last when absent", example = "2023") @QueryParam("toYear") String toYear) {
        Integer from = ReportParameters.namedYear("fromYear", fromYear);
        Integer to = ReportParameters.namedYear("toYear", toYear);
        if (from != null && to != null && from > to) {
            throw InvalidRequestException.parameter("toYear", "must not be before fromYear");
        }
        if (!ReportParameters.CODE.matcher(code).matches()) {
            throw new NoSuchResourceException("No contributor with that code");
        }
        return contributors.statement(code, from, to).orElseThrow(() -> new NoSuchResourceException("No contributor " + code));
    }

    private static String type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (Arrays.stream(ContributorType.values()).noneMatch(type -> type.name().equals(value))) {
            throw InvalidRequestException.parameter("type", "must be one of " + TYPES);
        }
        return value;
    }

    static String encodeCursor(String afterCode) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + afterCode).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX) && ReportParameters.CODE.matcher(decoded.substring(CURSOR_PREFIX.length())).matches()) {
                return decoded.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // Reported below: a cursor is only ever one this list issued.
        }
        throw InvalidRequestException.parameter("cursor", "is not a cursor from this list's next");
    }
}
