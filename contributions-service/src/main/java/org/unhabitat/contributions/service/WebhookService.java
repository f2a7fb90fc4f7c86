package org.unhabitat.contributions.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.api.Page;
import org.unhabitat.contributions.api.WebhookChangeRequest;
import org.unhabitat.contributions.api.WebhookDeliveryDto;
import org.unhabitat.contributions.api.WebhookDto;
import org.unhabitat.contributions.api.WebhookRequest;
import org.unhabitat.contributions.domain.WebhookEventType;
import org.unhabitat.contributions.domain.WebhookSignature;
import org.unhabitat.contributions.repository.Contributor;
import org.unhabitat.contributions.repository.WebhookAttempt;
import org.unhabitat.contributions.repository.WebhookDelivery;
import org.unhabitat.contributions.repository.WebhookSubscription;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.platform.security.Caller;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook endpoints and what was delivered to them. A partner sees and changes only the endpoints of its own
 * contributor code, and for any other id learns nothing (404); finance sees all.
 */
@ApplicationScoped
public class WebhookService {

    /** After a rotation the previous secret signs too for this long, so a receiver can switch without a gap. */
    static final Duration PREVIOUS_SECRET_KEPT = Duration.ofHours(24);

    private static final int SECRET_BYTES = 24;
    private static final KeysetPages PAGES = new KeysetPages("delivery-seq:");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdempotencyService idempotency;
    private final ReceiverGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    public WebhookService(IdempotencyService idempotency, ReceiverGuard guard, AuditTrail audit, Clock clock) {
        this.idempotency = idempotency;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public WriteReceipt create(Caller caller, WebhookRequest request, String idempotencyKey) {
        String code = request.contributorCode() != null || caller.seesAll() ? request.contributorCode() : caller.contributorScope();
        if (code != null && !caller.mayActFor(code)) {
            throw new NoSuchResourceException("No contributor " + code);
        }
        return idempotency.once(caller, idempotencyKey, "webhook.create", request, () -> {
            List<FieldError> violations = new ArrayList<>();
            checkUrl("url", request.url(), violations);
            List<String> events = eventNames("events", request.events(), violations);
            if (code != null && Contributor.findById(code) == null) {
                violations.add(new FieldError("contributorCode", "is not a registered contributor"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            WebhookSubscription subscription = new WebhookSubscription();
            subscription.id = UUID.randomUUID();
            subscription.contributorCode = code;
            subscription.url = request.url();
            subscription.eventNames(events);
            subscription.secret = newSecret();
            subscription.enabled = true;
            subscription.createdBy = caller.subject();
            subscription.createdAt = now();
            subscription.persist();
            audit.record("webhook.created", "webhook", subscription.id.toString(), subscription.id.toString());
            return IdempotencyService.Outcome.created(subscription.id.toString(), toDto(subscription, subscription.secret));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDto> list(Caller caller) {
        return WebhookSubscription.listVisibleTo(caller.contributorScope()).stream().map(subscription -> toDto(subscription, null)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookDto> find(Caller caller, UUID id) {
        return visible(caller, id).map(subscription -> toDto(subscription, null));
    }

    /** Changes url, events or enabled; enabled=true also forgets why the endpoint was disabled and how long it failed. */
    @Transactional
    public Optional<WebhookDto> change(Caller caller, UUID id, WebhookChangeRequest request) {
        Optional<WebhookSubscription> found = visible(caller, id);
        found.ifPresent(subscription -> {
            List<FieldError> violations = new ArrayList<>();
            if (request.url() != null) {
                checkUrl("url", request.url(), violations);
            }
            List<String> events = request.events() == null ? null : eventNames("events", request.events(), violations);
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            if (request.url() != null) {
                subscription.url = request.url();
            }
            if (events != null) {
                subscription.eventNames(events);
            }
            if (Boolean.TRUE.equals(request.enabled())) {
                subscription.enabled = true;
                subscription.disabledReason = null;
                subscription.failingSince = null;
            } else if (Boolean.FALSE.equals(request.enabled()) && subscription.enabled) {
                subscription.enabled = false;
                subscription.disabledReason = "Paused by " + caller.subject() + " at " + now();
            }
            audit.record("webhook.changed", "webhook", subscription.id.toString(), subscription.id.toString());
        });
        return found.map(subscription -> toDto(subscription, null));
    }

    /** Deletes the endpoint and its deliveries, pending ones included; false if the caller sees no such endpoint. */
    @Transactional
    public boolean delete(Caller caller, UUID id) {
        Optional<WebhookSubscription> found = visible(caller, id);
        found.ifPresent(subscription -> {
            subscription.delete();
            audit.record("webhook.deleted", "webhook", subscription.id.toString(), subscription.id.toString());
        });
        return found.isPresent();
    }

    /** A new secret, shown once; the previous one still signs, beside it, for a day. */
    @Transactional
    public WriteReceipt rotateSecret(Caller caller, UUID id, String idempotencyKey) {
        WebhookSubscription subscription = visible(caller, id).orElseThrow(() -> noWebhook(id));
        return idempotency.once(caller, idempotencyKey, "webhook.rotate " + id, id.toString(), () -> {
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretUntil = now().plus(PREVIOUS_SECRET_KEPT);
            subscription.secret = newSecret();
            audit.record("webhook.secret-rotated", "webhook", subscription.id.toString(), subscription.id.toString());
            return IdempotencyService.Outcome.changed(toDto(subscription, subscription.secret));
        });
    }

    /**
     * Sends a delivery's message again, with its webhook-id, as a new delivery at the end of its pledge's queue for
     * the endpoint: a receiver that deduplicates by webhook-id ignores it if it had it after all.
     */
    @Transactional
    public WriteReceipt resend(Caller caller, UUID id, UUID deliveryId, String idempotencyKey) {
        WebhookSubscription subscription = visible(caller, id).orElseThrow(() -> noWebhook(id));
        WebhookDelivery original = WebhookDelivery.<WebhookDelivery>find("id = ?1 and subscription.id = ?2", deliveryId, subscription.id)
                .firstResultOptional()
                .orElseThrow(() -> new NoSuchResourceException("No delivery " + deliveryId + " of webhook " + id));
        return idempotency.once(caller, idempotencyKey, "webhook.resend " + id + " " + deliveryId, deliveryId.toString(), () -> {
            WebhookDelivery copy = WebhookDeliveries.newDelivery(subscription, original.messageId, original.eventType,
                    original.orderingKey, original.payload, now());
            copy.persist();
            audit.record("webhook.resent", "webhook", subscription.id.toString(), subscription.id.toString());
            return IdempotencyService.Outcome.created(copy.id.toString(), toDto(copy));
        });
    }

    /** The endpoint's deliveries, newest first, each with its attempts; empty when the caller sees no such endpoint. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Page<WebhookDeliveryDto>> deliveries(Caller caller, UUID id, String limitText, String cursor) {
        Optional<WebhookSubscription> found = visible(caller, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<FieldError> violations = new ArrayList<>();
        int limit = PAGES.limit(limitText, violations);
        long before = PAGES.position(cursor, Long.MAX_VALUE, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<WebhookDelivery> rows = WebhookDelivery.<WebhookDelivery>find("subscription.id = :id and seq < :before order by seq desc",
                Parameters.with("id", id).and("before", before)).range(0, limit).list();
        boolean more = rows.size() > limit;
        List<WebhookDelivery> page = more ? rows.subList(0, limit) : rows;
        String next = more ? PAGES.cursor(page.get(page.size() - 1).seq) : null;
        return Optional.of(new Page<>(page.stream().map(WebhookService::toDto).toList(), next));
    }

    private Optional<WebhookSubscription> visible(Caller caller, UUID id) {
        return WebhookSubscription.visibleTo(id, caller.contributorScope()).firstResultOptional();
    }

    private void checkUrl(String field, String url, List<FieldError> violations) {
        guard.refusalOf(url).ifPresent(reason -> violations.add(new FieldError(field, reason)));
    }

    /** The names, each known and once, in the order given. */
    private static List<String> eventNames(String field, List<String> names, List<FieldError> violations) {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || WebhookEventType.ofWireName(name).isEmpty()) {
                violations.add(new FieldError(field + "[" + i + "]", "is not one of pledge.recorded, pledge.corrected, "
                        + "pledge.cancelled, payment.recorded, instalment.overdue"));
            } else if (!known.contains(name)) {
                known.add(name);
            }
        }
        return known;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    private static NoSuchResourceException noWebhook(UUID id) {
        return new NoSuchResourceException("No webhook " + id);
    }

    private static WebhookDto toDto(WebhookSubscription subscription, String secret) {
        return new WebhookDto(subscription.id, subscription.url, subscription.eventNames(), subscription.contributorCode,
                subscription.enabled, subscription.disabledReason, subscription.failingSince, subscription.createdAt, secret);
    }

    static WebhookDeliveryDto toDto(WebhookDelivery delivery) {
        boolean pending = delivery.status == WebhookDelivery.Status.PENDING;
        return new WebhookDeliveryDto(delivery.id, delivery.messageId, delivery.eventType, delivery.status.name(),
                pending ? delivery.nextAttemptAt : null, delivery.createdAt, delivery.completedAt,
                delivery.attemptLog.stream().map(WebhookService::toDto).toList());
    }

    private static WebhookDeliveryDto.AttemptDto toDto(WebhookAttempt attempt) {
        return new WebhookDeliveryDto.AttemptDto(attempt.attemptedAt, attempt.statusCode, attempt.error, attempt.succeeded);
    }
}
