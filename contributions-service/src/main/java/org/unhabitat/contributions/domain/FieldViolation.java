package org.unhabitat.contributions.domain;

/** One reason why a request is invalid, named by the JSON path of the field at fault. */
public record FieldViolation(String field, String message) {
}
