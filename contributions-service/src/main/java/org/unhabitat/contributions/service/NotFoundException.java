package org.unhabitat.contributions.service;

/** Nothing by that id that the caller may see; a partner cannot tell someone else's from none. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
