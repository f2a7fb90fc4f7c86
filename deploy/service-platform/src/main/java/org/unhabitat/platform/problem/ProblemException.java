package org.unhabitat.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure a service reports to its client as a problem. The service's own exceptions extend this
 * and declare their status, type and title here; {@link ProblemMappers} writes them all the same
 * way. The message is the problem's {@code detail}, so it is written for clients.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;

    protected ProblemException(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem's type URI. */
    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    /** Field-level errors, or null when the failure is not about particular fields. */
    public List<FieldError> errors() {
        return null;
    }

    /** Extension members written beside the standard ones. */
    public Map<String, Object> members() {
        return Map.of();
    }
}
