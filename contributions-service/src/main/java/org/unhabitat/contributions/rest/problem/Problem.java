package org.unhabitat.contributions.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * An RFC 9457 problem detail, with field-level {@code errors} for validation failures, and the
 * {@code pledgeId} of the pledge that a duplicate reference points to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      UUID pledgeId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }
}
