package org.unhabitat.targets.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.unhabitat.targets.domain.BudgetLine;
import org.unhabitat.targets.service.WriteOutcome;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What the resources share: budget lines in paths, and the status of a write. */
final class ResourceSupport {

    private static final String CODES = Arrays.stream(BudgetLine.values()).map(Enum::name).collect(Collectors.joining(", "));

    /** A path names a resource, so an unknown line is a resource that does not exist (404), not a bad request. */
    static BudgetLine budgetLine(String code) {
        return BudgetLine.fromCode(code)
                .orElseThrow(() -> new NotFoundException("No budget line " + code + "; the lines are " + CODES));
    }

    static Response written(WriteOutcome<?> outcome, URI location) {
        return outcome.created()
                ? Response.created(location).entity(outcome.value()).build()
                : Response.ok(outcome.value()).build();
    }

    private ResourceSupport() {
    }
}
