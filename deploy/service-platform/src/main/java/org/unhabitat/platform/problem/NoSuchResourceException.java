package org.unhabitat.platform.problem;

/**
 * Nothing by that name that the caller may see: 404. A partner cannot tell someone else's record
 * from none, so services use this for both.
 */
public class NoSuchResourceException extends ProblemException {

    public NoSuchResourceException(String detail) {
        super(404, "not-found", "Not Found", detail);
    }
}
