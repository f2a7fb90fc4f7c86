package org.unhabitat.contributions.service;

/** A response exactly as sent, so that a retry with the same idempotency key gets the same bytes. */
public record StoredResponse(int status, String location, String body) {
}
