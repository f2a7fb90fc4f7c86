package org.unhabitat.platform.problem;

/** The request is well formed but cannot be applied to what is recorded: 422, nothing written. */
public class UnprocessableException extends ProblemException {

    private final String field;

    public UnprocessableException(String detail) {
        this(null, detail);
    }

    /**
     * @param field the request field the refusal is about, for a caller that reports problems per field (a bulk
     *              import per row and column); not part of the problem itself
     */
    public UnprocessableException(String field, String detail) {
        super(422, "unprocessable", "Unprocessable Content", detail);
        this.field = field;
    }

    /** The field the refusal is about, or null when it is about the request as a whole. */
    public String field() {
        return field;
    }
}
