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
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
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
