package org.unhabitat.platform.inbox;

/** An event that no retry can apply: malformed, or of a type or version the consumer cannot read. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
