package org.unhabitat.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Found by deploy/bench.sh: each time wrk ended a round, contributions-service logged the POSTs it cut off as
 * unexpected failures, each with an incident id and a stack trace, as if they were defects.
 */
class ClosedConnectionTest {

    private final ProblemMappers mappers = new ProblemMappers(new ProblemResponses(new ObjectMapper()));

    @Test
    void aClientThatClosesTheConnectionWhileItsBodyIsReadIsNotAnIncident() {
        // The chain RESTEasy Reactive hands over when Jackson's read of the body meets the closed connection.
        Response response = mappers.unexpected(new IOException(new IOException(new HttpClosedException("Connection was closed"))), null);

        assertEquals(400, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertFalse(response.getEntity().toString().contains("incident"), response.getEntity().toString());
    }

    @Test
    void anIoFailureOfOurOwnIsStillAnIncident() {
        assertEquals(500, mappers.unexpected(new IOException("No space left on device"), null).getStatus());
    }
}
