package org.unhabitat.targets.domain;

/** The request is valid on its own but contradicts what is already recorded; the message is written for clients. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
