package org.unhabitat.testing.security;

import io.restassured.response.Response;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every error of the suite must look like to a hostile client (OWASP API8): RFC 9457
 * problem+json with its own status, the nosniff header, and nothing about the implementation.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Text that would mean a stack trace, SQL or a class name reached the client. */
    private static final List<String> LEAKS = List.of("exception", "org.unhabitat", "org.hibernate", "io.quarkus",
            "java.", "jakarta.", "\tat ", "sqlstate", "select ", "insert into", "psql", "postgres");

    /** @param echoed request input that the detail may quote back; quoting input is not leaking internals */
    public static void assertProblem(Response response, int status, String... echoed) {
        String context = response.getStatusLine();
        assertEquals(status, response.statusCode(), context);
        assertTrue(response.contentType().startsWith(MEDIA_TYPE), context + " is problem+json: " + response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"), context + " names its status");
        assertFalse(response.jsonPath().getString("title").isBlank(), context + " has a title");
        assertEquals("nosniff", response.header("X-Content-Type-Options"), context + " carries nosniff");
        assertNoLeak(response, echoed);
    }

    /** Every response, success or not: never a 5xx, and an error is a problem as above. */
    public static void assertSafe(Response response, String... echoed) {
        String context = response.getStatusLine();
        assertTrue(response.statusCode() < 500, context + ": hostile input must never cause a server error; body "
                + response.asString());
        assertEquals("nosniff", response.header("X-Content-Type-Options"), context + " carries nosniff");
        if (response.statusCode() >= 400) {
            assertProblem(response, response.statusCode(), echoed);
        }
    }

    public static void assertNoLeak(Response response, String... echoed) {
        String body = response.asString().toLowerCase(Locale.ROOT);
        for (String input : echoed) {
            body = body.replace(input.toLowerCase(Locale.ROOT), "");
        }
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), response.getStatusLine() + " reveals '" + leak + "': " + body);
        }
    }

    private Problems() {
    }
}
