package org.unhabitat.platform.problem;

/** One field of a request and what is wrong with it, in words written for the client. */
public record FieldError(String field, String message) {
}
