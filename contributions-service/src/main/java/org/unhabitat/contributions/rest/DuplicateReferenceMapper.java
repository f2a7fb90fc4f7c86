package org.unhabitat.contributions.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.unhabitat.contributions.service.exception.DuplicatePaymentReferenceException;
import org.unhabitat.contributions.service.exception.DuplicateReferenceException;
import org.unhabitat.platform.problem.ProblemResponses;

import java.net.URI;

/** A duplicate reference is a conflict like any other, and Location names what the reference already belongs to. */
public class DuplicateReferenceMapper {

    private final ProblemResponses problems;

    public DuplicateReferenceMapper(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response duplicateReference(DuplicateReferenceException e, UriInfo uri) {
        return Response.fromResponse(problems.of(e, uri))
                .location(URI.create(PledgeResource.PATH + "/" + e.existingPledgeId()))
                .build();
    }

    @ServerExceptionMapper
    public Response duplicatePaymentReference(DuplicatePaymentReferenceException e, UriInfo uri) {
        return Response.fromResponse(problems.of(e, uri))
                .location(URI.create(PledgeResource.PATH + "/" + e.pledgeId() + "/payments/" + e.existingPaymentId()))
                .build();
    }
}
