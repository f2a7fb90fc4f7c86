package org.unhabitat.contributions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.repository.AdvisoryLocks;
import org.unhabitat.contributions.repository.IdempotencyStore.StoredKey;
import org.unhabitat.contributions.repository.IdempotencyStore;
import org.unhabitat.platform.problem.ConflictException;
import org.unhabitat.platform.problem.UnprocessableException;
import org.unhabitat.platform.security.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key handling after Stripe and the IETF draft. The key row, the change and its outbox
 * event commit together or not at all, so a stored response means the change happened exactly once.
 * Failures (4xx) are not stored: nothing was written, and a corrected retry may use the same key.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);
    public static final String EXPIRY_JOB_LOCK = "scheduled-job:idempotency-key-expiry";

    /** What a write produced: the id of what it created (null for a change) and the result to send. */
    public record Outcome(String createdId, Object body) {

        public static Outcome created(String createdId, Object body) {
            return new Outcome(createdId, body);
        }

        public static Outcome changed(Object body) {
            return new Outcome(null, body);
        }
    }

    private final IdempotencyStore store;
    private final AdvisoryLocks locks;
    private final ObjectMapper mapper;
    private final Duration retention;

    public IdempotencyService(IdempotencyStore store, AdvisoryLocks locks, ObjectMapper mapper,
                              @ConfigProperty(name = "idempotency.retention") Duration retention) {
        this.store = store;
        this.locks = locks;
        this.mapper = mapper;
        this.retention = retention;
    }

    /**
     * Runs {@code work} once per caller and key. The request is fingerprinted by the operation (its
     * name and the resource it acts on) and its parsed body, so formatting differences in the JSON do
     * not count as a different request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WriteReceipt once(Caller caller, String key, String operation, Object request, Supplier<Outcome> work) {
        if (key == null) {
            return serialize(work.get());
        }
        String requestHash = sha256Hex(operation + "\n" + json(request));
        if (!locks.tryLock("idempotency-key", caller.subject(), key)) {
            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry later");
        }
        Optional<StoredKey> stored = store.find(caller.subject(), key);
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(requestHash)) {
                throw new UnprocessableException("This Idempotency-Key was already used with a different request");
            }
            return stored.get().receipt();
        }
        WriteReceipt response = serialize(work.get());
        store.save(caller.subject(), key, new StoredKey(requestHash, response), Instant.now());
        return response;
    }

    /**
     * Keys are kept for at least the retention period (24 hours), then forgotten. Every instance
     * schedules this; the one that takes the job's lock does it, and the others skip their turn.
     */
    @Scheduled(every = "1h", delayed = "1m", identity = "idempotency-key-expiry", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    public void expireOldKeys() {
        if (!locks.tryLock(EXPIRY_JOB_LOCK)) {
            LOG.debug("Idempotency key expiry skipped: another instance is running it");
            return;
        }
        int deleted = store.deleteCreatedBefore(Instant.now().minus(retention));
        if (deleted > 0) {
            LOG.infof("Forgot %d idempotency keys older than %s", deleted, retention);
        }
    }

    private WriteReceipt serialize(Outcome outcome) {
        return new WriteReceipt(outcome.createdId(), json(outcome.body()));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
