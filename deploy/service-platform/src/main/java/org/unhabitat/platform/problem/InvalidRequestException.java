package org.unhabitat.platform.problem;

import java.util.List;

/** The request breaks a rule about its own fields or parameters: 400, nothing written. */
public class InvalidRequestException extends ProblemException {

    private static final String DETAIL = "The request has invalid fields";

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        this(DETAIL, errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private InvalidRequestException(String detail, List<FieldError> errors) {
        super(400, "validation", "Invalid request", detail);
        this.errors = List.copyOf(errors);
    }

    /** A query or path parameter that is missing or malformed; the detail names it. */
    public static InvalidRequestException parameter(String name, String message) {
        return new InvalidRequestException("The parameter '" + name + "' " + message, List.of(new FieldError(name, message)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
