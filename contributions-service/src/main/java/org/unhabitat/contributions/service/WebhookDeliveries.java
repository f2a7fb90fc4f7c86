package org.unhabitat.contributions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.api.WebhookMessage;
import org.unhabitat.contributions.config.WebhookConfig;
import org.unhabitat.contributions.domain.WebhookEventType;
import org.unhabitat.contributions.domain.WebhookSignature;
import org.unhabitat.contributions.mapping.PledgeMapper;
import org.unhabitat.contributions.repository.Pledge;
import org.unhabitat.contributions.repository.WebhookAttempt;
import org.unhabitat.contributions.repository.WebhookDelivery;
import org.unhabitat.contributions.repository.WebhookQueue;
import org.unhabitat.contributions.repository.WebhookSubscription;
import org.unhabitat.platform.inbox.Inbox;
import org.unhabitat.platform.inbox.IncomingEvent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The life of a webhook message: fanned out to the endpoints that want it, leased for an attempt, and after each
 * attempt delivered, scheduled again with exponential backoff and jitter, or failed once retries ran out. Every
 * state is a row in PostgreSQL, so a restart loses nothing: what was due is due for whichever instance looks next.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** One attempt to make: where to, the headers of Standard Webhooks, and the exact body. */
    public record PreparedAttempt(UUID deliveryId, String url, Map<String, String> headers, byte[] body, Instant at) {
    }

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    private static final int OVERDUE_SLICE = 100;
    private static final int ERROR_MAX = 500;
    private static final int REASON_MAX = 1000;

    private final Inbox inbox;
    private final WebhookQueue queue;
    private final ObjectMapper mapper;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookDeliveries(Inbox inbox, WebhookQueue queue, ObjectMapper mapper, WebhookConfig config, Clock clock) {
        this.inbox = inbox;
        this.queue = queue;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** The webhook event a published event announces, if any: pledge and payment events of every version. */
    public static Optional<WebhookEventType> announcedBy(String cloudEventType) {
        for (WebhookEventType type : WebhookEventType.values()) {
            if (cloudEventType.startsWith("org.unhabitat." + type.wireName() + ".v")) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * A published event that webhooks may announce: its pledge (the event's key), what it announces, the payment it
     * names (payment.recorded, null otherwise) and when the relay published it.
     */
    public record Published(IncomingEvent event, UUID pledgeId, WebhookEventType type, UUID paymentId, Instant publishedAt) {
    }

    /**
     * Fans a batch of published events out into one delivery per endpoint that wants each, in the transaction that
     * records the events in the inbox: a redelivered event adds nothing, and only committed changes are ever
     * published, so no webhook announces something that was rolled back. Endpoints created after an event was
     * published get none of it. The batch's statements are set-based; only an event some endpoint wants loads its
     * pledge. Within the batch, deliveries are created in the events' order, which is each pledge's order.
     */
    @Transactional
    public void fanOut(List<Published> batch) {
        Set<UUID> fresh = inbox.claimAll(batch.stream().map(Published::event).toList());
        List<Published> claimed = new ArrayList<>();
        for (Published published : batch) {
            if (fresh.remove(published.event().id())) {
                claimed.add(published);
            } else {
                LOG.debugf("Event %s was fanned out before; ignored", published.event().id());
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        Map<UUID, String> contributors = queue.contributorsOf(claimed.stream().map(Published::pledgeId).collect(Collectors.toSet()));
        queue.announce(claimed.stream()
                .filter(published -> published.type() == WebhookEventType.PLEDGE_RECORDED && contributors.containsKey(published.pledgeId()))
                .map(Published::pledgeId).toList());
        List<WebhookSubscription> enabled = WebhookSubscription.enabled();
        for (Published published : claimed) {
            String contributor = contributors.get(published.pledgeId());
            if (contributor == null) {
                LOG.warnf("Event %s names pledge %s, which is not here; nothing to announce", published.event().id(), published.pledgeId());
                continue;
            }
            List<WebhookSubscription> listening = enabled.stream()
                    .filter(subscription -> subscription.wants(contributor, published.type().wireName())
                            && !subscription.createdAt.isAfter(published.publishedAt()))
                    .toList();
            if (!listening.isEmpty()) {
                enqueue(Pledge.findById(published.pledgeId()), published, listening);
            }
        }
    }

    private void enqueue(Pledge pledge, Published published, List<WebhookSubscription> listening) {
        UUID paymentId = published.paymentId();
        Supplier<Object> data = () -> paymentId == null ? PledgeMapper.toDto(pledge)
                : pledge.payments.stream().filter(payment -> payment.id.equals(paymentId)).findFirst().map(PledgeMapper::toDto)
                .orElseThrow(() -> new IllegalStateException("Payment " + paymentId + " of event " + published.event().id()
                        + " is not on its pledge"));
        enqueue(pledge, published.type(), "msg_" + published.event().id(), published.publishedAt(), data, listening);
    }

    /**
     * Announces every instalment that passed its due date unpaid, once per pledge and schedule year. Only pledges
     * whose recording was announced qualify, so an endpoint hears of the pledge first. Idempotent: the marker row and
     * the deliveries commit together, and a second instance finds the marker.
     */
    @Scheduled(every = "${webhooks.overdue-sweep}", identity = "webhook-overdue-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepOnSchedule() {
        try {
            sweepOverdue();
        } catch (RuntimeException e) {
            LOG.warnf("Overdue instalment sweep failed; the next sweep tries again: %s", e.getMessage());
        }
    }

    /**
     * The sweep itself; returns how many instalments it announced. Today is the clock's date in UTC. It walks the
     * past-due schedule entries a slice at a time, each slice's announcements in a transaction of their own.
     */
    public int sweepOverdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int announced = 0;
        WebhookQueue.DueEntry after = WebhookQueue.DueEntry.FIRST;
        while (true) {
            WebhookQueue.DueEntry from = after;
            List<WebhookQueue.DueEntry> slice = QuarkusTransaction.requiringNew().call(() -> queue.pastDue(today, from, OVERDUE_SLICE));
            if (slice.isEmpty()) {
                return announced;
            }
            announced += QuarkusTransaction.requiringNew().call(() -> {
                int count = 0;
                for (WebhookQueue.OverdueInstalment instalment : queue.overdue(slice)) {
                    if (announceOverdue(instalment)) {
                        count++;
                    }
                }
                return count;
            });
            after = slice.get(slice.size() - 1);
        }
    }

    private boolean announceOverdue(WebhookQueue.OverdueInstalment instalment) {
        Instant now = now();
        if (!queue.markOverdue(instalment, now)) {
            return false;
        }
        Pledge pledge = Pledge.findById(instalment.pledgeId());
        UUID messageId = UUID.nameUUIDFromBytes(("instalment.overdue " + instalment.pledgeId() + " " + instalment.year())
                .getBytes(StandardCharsets.UTF_8));
        enqueue(pledge, WebhookEventType.INSTALMENT_OVERDUE, "msg_" + messageId, now, () -> PledgeMapper.toDto(pledge),
                WebhookSubscription.listening(pledge.contributor.code, WebhookEventType.INSTALMENT_OVERDUE.wireName()));
        return true;
    }

    /** The data is rendered only if some endpoint listens: a replay of the whole topic mostly finds none. */
    private void enqueue(Pledge pledge, WebhookEventType type, String messageId, Instant timestamp, Supplier<Object> data,
                         List<WebhookSubscription> listening) {
        if (listening.isEmpty()) {
            return;
        }
        String payload = json(new WebhookMessage(type.wireName(), timestamp, data.get()));
        Instant now = now();
        for (WebhookSubscription subscription : listening) {
            newDelivery(subscription, messageId, type.wireName(), pledge.id.toString(), payload, now).persist();
        }
    }

    static WebhookDelivery newDelivery(WebhookSubscription subscription, String messageId, String eventType, String orderingKey,
                                       String payload, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscription = subscription;
        delivery.messageId = messageId;
        delivery.eventType = eventType;
        delivery.orderingKey = orderingKey;
        delivery.payload = payload;
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /**
     * Leases the due deliveries (at most the configured concurrency) and prepares their attempts: signed now, with
     * the current secret and, for a day after a rotation, the previous one.
     */
    @Transactional
    public List<PreparedAttempt> leaseDue() {
        Instant now = now();
        List<UUID> due = queue.leaseDue(now, now.plus(config.delivery().lease()), config.delivery().concurrency());
        List<PreparedAttempt> attempts = new ArrayList<>();
        for (UUID id : due) {
            WebhookDelivery delivery = WebhookDelivery.findById(id);
            WebhookSubscription subscription = delivery.subscription;
            byte[] body = delivery.payload.getBytes(StandardCharsets.UTF_8);
            long timestamp = now.getEpochSecond();
            String signature = WebhookSignature.sign(subscription.secret, delivery.messageId, timestamp, body);
            if (subscription.previousSecret != null && subscription.previousSecretUntil.isAfter(now)) {
                signature += " " + WebhookSignature.sign(subscription.previousSecret, delivery.messageId, timestamp, body);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.messageId);
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", signature);
            attempts.add(new PreparedAttempt(delivery.id, subscription.url, headers, body, now));
        }
        return attempts;
    }

    /**
     * Logs an attempt and decides what follows: delivered on any 2xx; otherwise tried again after a backoff, or
     * failed once the message has been retried for {@code webhooks.retry.give-up-after}, which lets the pledge's next
     * message go. An endpoint with nothing but failures for {@code webhooks.disable-after} is disabled, with the reason.
     */
    @Transactional
    public void recordAttempt(UUID deliveryId, Instant attemptedAt, Integer statusCode, String error) {
        // The endpoint's row is locked before the delivery's is written, the order in which deleting an endpoint
        // (which cascades to its deliveries) takes them: the other order deadlocks with a DELETE.
        Optional<UUID> endpoint = WebhookDelivery.getEntityManager()
                .createQuery("select d.subscription.id from WebhookDelivery d where d.id = :id", UUID.class)
                .setParameter("id", deliveryId).getResultStream().findFirst();
        if (endpoint.isEmpty() || WebhookSubscription.findById(endpoint.get(), LockModeType.PESSIMISTIC_WRITE) == null) {
            return;
        }
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
            return;
        }
        boolean succeeded = statusCode != null && statusCode >= 200 && statusCode < 300;
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.delivery = delivery;
        attempt.attemptedAt = attemptedAt;
        attempt.statusCode = statusCode;
        attempt.error = error == null ? null : truncate(error, ERROR_MAX);
        attempt.succeeded = succeeded;
        delivery.attemptLog.add(attempt);
        delivery.attempts++;
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = attemptedAt;
        }
        WebhookSubscription subscription = delivery.subscription;
        if (succeeded) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.completedAt = attemptedAt;
            subscription.failingSince = null;
            return;
        }
        if (attemptedAt.isBefore(delivery.firstAttemptAt.plus(config.retry().giveUpAfter()))) {
            delivery.nextAttemptAt = attemptedAt.plus(backoff(delivery.attempts));
        } else {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.completedAt = attemptedAt;
        }
        if (subscription.failingSince == null) {
            subscription.failingSince = attemptedAt;
        }
        if (subscription.enabled && !attemptedAt.isBefore(subscription.failingSince.plus(config.disableAfter()))) {
            subscription.enabled = false;
            subscription.disabledReason = truncate("Disabled at " + attemptedAt + ": every attempt since " + subscription.failingSince
                    + " failed, the last with: " + attempt.error + ". PATCH enabled=true to re-enable.", REASON_MAX);
            LOG.infof("Webhook %s disabled after failing since %s", subscription.id, subscription.failingSince);
        }
    }

    /**
     * The wait after the n-th failed attempt: the initial delay doubled n-1 times, at most the maximum, and then
     * between half and all of it at random, so that endpoints that failed together do not retry together.
     */
    Duration backoff(int failedAttempts) {
        long initial = config.retry().initialDelay().toMillis();
        long max = config.retry().maxDelay().toMillis();
        long delay = initial << Math.min(failedAttempts - 1, 30);
        if (delay <= 0 || delay > max) {
            delay = max;
        }
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a webhook message", e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
