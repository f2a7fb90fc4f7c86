package org.unhabitat.contributions.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.config.WebhookConfig;
import org.unhabitat.contributions.service.WebhookDeliveries;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends what is due, a batch at a time: it leases at most {@code webhooks.delivery.concurrency} deliveries, sends
 * them at once, and records each outcome. It keeps no state of its own between batches: everything is in the
 * database, so a new instance (after a restart, or another replica) carries on where the last one stopped.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;

    public WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender, WebhookConfig config) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
    }

    // Every scheduled job stops when shutdown begins: the ORM closes seconds before the Kafka consumers have left
    // their groups, and a round in between would only fail.
    @Scheduled(every = "${webhooks.delivery.poll-interval}", identity = "webhook-dispatch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchOnSchedule() {
        try {
            while (dispatchDue() == config.delivery().concurrency()) {
                LOG.debug("A full batch of webhooks went out; reading the queue again at once");
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch failed; the next round tries again: %s", e.getMessage());
        }
    }

    /** One batch: returns how many deliveries were attempted. */
    public int dispatchDue() {
        List<WebhookDeliveries.PreparedAttempt> attempts = deliveries.leaseDue();
        List<CompletableFuture<WebhookSender.Outcome>> sent = attempts.stream()
                .map(attempt -> sender.send(attempt.url(), attempt.headers(), attempt.body()).toCompletableFuture())
                .toList();
        // Connecting and each wait for the answer are bounded by the timeout; this bounds the whole batch besides.
        Duration bound = config.delivery().timeout().multipliedBy(3);
        long deadline = System.nanoTime() + bound.toNanos();
        for (int i = 0; i < attempts.size(); i++) {
            WebhookSender.Outcome outcome = await(sent.get(i), Math.max(0, deadline - System.nanoTime()), bound);
            WebhookDeliveries.PreparedAttempt attempt = attempts.get(i);
            deliveries.recordAttempt(attempt.deliveryId(), attempt.at(), outcome.statusCode(), outcome.error());
        }
        return attempts.size();
    }

    private static WebhookSender.Outcome await(CompletableFuture<WebhookSender.Outcome> outcome, long remainingNanos, Duration bound) {
        try {
            return outcome.get(remainingNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            return new WebhookSender.Outcome(null, "No answer within " + bound.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new WebhookSender.Outcome(null, "The attempt failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookSender.Outcome(null, "The attempt was interrupted");
        }
    }
}
