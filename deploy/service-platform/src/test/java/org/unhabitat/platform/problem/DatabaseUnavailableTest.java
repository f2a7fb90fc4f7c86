package org.unhabitat.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Found by deploy/chaos: with PostgreSQL down, every request was a 500 with an incident id, as if it were a defect. */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers(new ProblemResponses(new ObjectMapper()));

    @Test
    void aRefusedDatabaseConnectionDeepInAPersistenceFailureIsA503WithRetryAfter() {
        Response response = mappers.unexpected(new PersistenceException(
                new IllegalStateException(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))), null);

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertTrue(response.getEntity().toString().contains("\"status\":503"), response.getEntity().toString());
    }

    @Test
    void aServerShuttingDownIsA503() {
        assertEquals(503, mappers.unexpected(new SQLException("terminating connection due to administrator command", "57P01"), null).getStatus());
    }

    @Test
    void thePoolsAcquisitionTimeoutIsA503() {
        assertEquals(503, mappers.unexpected(new PersistenceException(new SQLException("Sorry, acquisition timeout!")), null).getStatus());
    }

    @Test
    void aStatementCutShortByTheStatementTimeoutIsA503() {
        assertEquals(503, mappers.unexpected(new PersistenceException(
                new SQLException("canceling statement due to statement timeout", "57014")), null).getStatus());
    }

    @Test
    void aLockNotGrantedWithinTheLockTimeoutIsA503() {
        assertEquals(503, mappers.unexpected(new SQLException("could not obtain lock on row", "55P03"), null).getStatus());
    }

    @Test
    void aConstraintViolationIsStillAnUnexpected500() {
        assertEquals(500, mappers.unexpected(new PersistenceException(new SQLException("duplicate key", "23505")), null).getStatus());
    }
}
