package org.unhabitat.contributions.service;

/**
 * A write as its caller first heard of it: the id of what it created (null for a change to
 * something that exists) and the body exactly as sent, so that a retry with the same idempotency
 * key gets the same bytes back.
 */
public record WriteReceipt(String createdId, String body) {
}
