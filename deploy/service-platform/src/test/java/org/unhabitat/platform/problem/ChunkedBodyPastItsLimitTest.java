package org.unhabitat.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Found in the hostile-request tests' log: a chunked body cut off at its path's limit was answered 413 by the server,
 * then logged by us as an unexpected failure with an incident id and a stack trace, as if it were a defect.
 */
class ChunkedBodyPastItsLimitTest {

    private final ProblemMappers mappers = new ProblemMappers(new ProblemResponses(new ObjectMapper()));

    @Test
    void aChunkedBodyCutOffAtItsLimitIsA413AndNotAnIncident() {
        // What RESTEasy Reactive's VertxInputStream throws, wrapped as Jackson's read of the body hands it on.
        Response response = mappers.unexpected(new IOException(new IOException("Request too large")), null);

        assertEquals(413, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertFalse(response.getEntity().toString().contains("incident"), response.getEntity().toString());
    }

    @Test
    void anotherIoFailureWhileReadingIsStillAnIncident() {
        assertEquals(500, mappers.unexpected(new IOException("Request too large for the disk"), null).getStatus());
    }
}
