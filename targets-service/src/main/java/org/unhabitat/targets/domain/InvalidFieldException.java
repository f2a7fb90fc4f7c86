package org.unhabitat.targets.domain;

/**
 * A field is well-formed but not acceptable given what is recorded (a year that no plan covers), which
 * Bean Validation cannot see. The message is written for clients.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
