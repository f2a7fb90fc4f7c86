package org.unhabitat.contributions.service;

import org.unhabitat.contributions.domain.FieldViolation;

import java.util.List;

/** The request breaks a rule that needs no stored state beyond reference data: 400, nothing written. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super("Invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
