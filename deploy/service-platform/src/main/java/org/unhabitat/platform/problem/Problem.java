package org.unhabitat.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, with field-level {@code errors} for validation failures. A failure
 * that points at something may add extension members (RFC 9457 section 3.2), such as the
 * {@code pledgeId} of the pledge a duplicate reference names; they are written beside the others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem detail; some problems add members of their own, such as pledgeId",
        additionalProperties = Schema.True.class)
public record Problem(
        @Schema(required = true, examples = "https://open.unhabitat.org/problems/validation",
                description = "Identifies the kind of problem") String type,
        @Schema(required = true, examples = "Invalid request") String title,
        @Schema(required = true, examples = "400") int status,
        @Schema(examples = "The request has invalid fields", description = "What went wrong with this request") String detail,
        @Schema(examples = "/api/v1/pledges", description = "The path of the request") String instance,
        @Schema(description = "For invalid requests: each invalid field and what it must be") List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> members) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return members;
    }
}
