package org.unhabitat.testing.generative;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One request the generator made from an operation, and what the service must answer.
 *
 * @param body       the JSON body, or null when {@code rawBody} is sent instead (or nothing)
 * @param rawBody    text sent as it is: malformed JSON, another media type, or null
 * @param field      for a 400, the field the problem's {@code errors} must name; null when none is
 */
record GeneratedRequest(ApiOperation operation, String description, Expected expected, String field, Caller caller,
                        Map<String, String> pathOverrides, Map<String, String> headers, String contentType,
                        JsonNode body, String rawBody) {

    enum Expected {
        /** 2xx: a valid request. */
        ACCEPTED,
        /** 400: the request is certainly invalid. */
        BAD_REQUEST,
        /** 401: without a token. */
        UNAUTHENTICATED,
        /** any 4xx. */
        REFUSED,
        /** anything but a 5xx: boundary values that may or may not be valid. */
        SAFE;

        boolean mayBeAccepted() {
            return this == ACCEPTED || this == SAFE;
        }
    }

    enum Caller { ALLOWED, NONE, ROLE_THAT_MAY_NOT }
}
