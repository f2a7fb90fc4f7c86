package org.unhabitat.contributions.api;

import java.time.Instant;

/** The body a webhook POSTs (Standard Webhooks): what happened, when, and the pledge or payment as GET returns it. */
public record WebhookMessage(String type, Instant timestamp, Object data) {
}
