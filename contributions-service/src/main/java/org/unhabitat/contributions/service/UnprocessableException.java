package org.unhabitat.contributions.service;

/** The request is well formed but cannot be applied to what is recorded: 422, nothing written. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
