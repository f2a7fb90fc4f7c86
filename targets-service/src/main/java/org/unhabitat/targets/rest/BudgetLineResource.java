package org.unhabitat.targets.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unhabitat.targets.api.BudgetLineDto;
import org.unhabitat.targets.domain.BudgetLine;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/budget-lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Budget lines", description = "The four core budget lines against which every plan, target, budget and report "
        + "is expressed.")
public class BudgetLineResource {

    @GET
    @PermitAll
    @Operation(summary = "List the four core budget lines",
            description = "The lines against which every plan, target, budget and report is expressed. Public.")
    public List<BudgetLineDto> list() {
        return Arrays.stream(BudgetLine.values()).map(line -> new BudgetLineDto(line.name(), line.displayName())).toList();
    }
}
