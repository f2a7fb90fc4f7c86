package org.unhabitat.platform.problem;

/** The request contradicts the current state of what it names: 409, nothing written. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail);
    }

    protected ConflictException(String typeSlug, String detail) {
        super(409, typeSlug, "Conflict", detail);
    }
}
