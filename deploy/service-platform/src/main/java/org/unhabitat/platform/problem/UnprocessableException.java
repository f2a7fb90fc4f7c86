package org.unhabitat.platform.problem;

/** The request is well formed but cannot be applied to what is recorded: 422, nothing written. */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String detail) {
        super(422, "unprocessable", "Unprocessable Content", detail);
    }
}
