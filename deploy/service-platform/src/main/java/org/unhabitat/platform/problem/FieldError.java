package org.unhabitat.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field of a request and what is wrong with it, in words written for the client. */
@Schema(description = "One invalid field of a request")
public record FieldError(
        @Schema(required = true, examples = "schedule[0].amount", description = "The field: a JSON path in the body, or a parameter's name")
        String field,
        @Schema(required = true, examples = "must be a decimal number in a string, such as \"1000.50\"") String message) {
}
