package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.messaging.events.ConsumedRecord;
import org.unhabitat.reporting.messaging.events.DecodedRecord;
import org.unhabitat.reporting.messaging.events.EventDecoder;
import org.unhabitat.reporting.repository.DeadLetterRepository;
import org.unhabitat.reporting.repository.DeadLetterRepository.DeadLetter;
import org.unhabitat.reporting.repository.DeadLetterRepository.Place;
import org.unhabitat.reporting.repository.ReadModelVersionRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The records that were not applied: listed for operators, applied again on request once the cause is
 * fixed, or discarded with a reason. A redriven event goes through the inbox like any other, so one
 * that was applied meanwhile is not applied twice.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    /** Sends rejected records to the dead-letter topic; returns only once the broker has them all. */
    @FunctionalInterface
    public interface Publisher {
        void publish(List<DeadLetter> deadLetters);
    }

    public record Redriven(int redriven, int stillFailing) {

        Redriven plus(Redriven other) {
            return new Redriven(redriven + other.redriven, stillFailing + other.stillFailing);
        }
    }

    public record Page(List<DeadLetter> items, Place continueAfter) {
    }

    private final DeadLetterRepository deadLetters;
    private final ReadModelUpdater updater;
    private final EventDecoder decoder;
    private final ReadModelVersionRepository versions;

    public DeadLetterService(DeadLetterRepository deadLetters, ReadModelUpdater updater, EventDecoder decoder,
                             ReadModelVersionRepository versions) {
        this.deadLetters = deadLetters;
        this.updater = updater;
        this.decoder = decoder;
        this.versions = versions;
    }

    @Transactional
    public Page list(Place after, int limit) {
        List<DeadLetter> items = deadLetters.list(after, limit + 1);
        if (items.size() <= limit) {
            return new Page(items, null);
        }
        List<DeadLetter> page = items.subList(0, limit);
        DeadLetter last = page.get(limit - 1);
        return new Page(page, new Place(last.topic(), last.partition(), last.offset()));
    }

    /** Applies every listed record again, in the order they stood in their topics; each on its own. */
    public Redriven redriveAll() {
        Redriven total = new Redriven(0, 0);
        Place after = null;
        while (true) {
            Page page = list(after, 100);
            List<String> ids = new ArrayList<>(page.items().stream().map(DeadLetter::id).toList());
            for (String id : ids) {
                total = total.plus(redrive(id).orElse(new Redriven(0, 0)));
            }
            if (page.continueAfter() == null) {
                return total;
            }
            after = page.continueAfter();
        }
    }

    /**
     * Applies one listed record again. It leaves the list if it applies now; otherwise it stays, with the
     * new reason. Empty if there is no such entry, and at once for a text that cannot name one (a NUL
     * in it would otherwise reach PostgreSQL, which refuses it).
     */
    public Optional<Redriven> redrive(String id) {
        if (!ConsumedRecord.isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> applyAgain(id)));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Dead letter %s still cannot be applied; incident %s", id, incident);
            QuarkusTransaction.requiringNew().run(() -> deadLetters.failedAgain(id, Failures.reasonNotApplied(e, incident)));
            return Optional.of(new Redriven(0, 1));
        }
    }

    private Redriven applyAgain(String id) {
        Optional<DeadLetter> found = deadLetters.lock(id);
        if (found.isEmpty()) {
            return null;
        }
        DeadLetter deadLetter = found.get();
        DecodedRecord decoded = decoder.decode(new ConsumedRecord(deadLetter.topic(), deadLetter.partition(), deadLetter.offset(),
                deadLetter.key(), deadLetter.headers(), deadLetter.payload()));
        if (decoded instanceof DecodedRecord.Rejected rejected) {
            deadLetters.failedAgain(id, rejected.reason());
            return new Redriven(0, 1);
        }
        updater.apply(List.of((DecodedRecord.Applicable) decoded));
        deadLetters.resolve(id);
        versions.changedOutsideConsumption();
        return new Redriven(1, 0);
    }

    /** @return false if there is no such entry, or it was discarded before */
    @Transactional
    public boolean discard(String id, String by, String reason) {
        if (!ConsumedRecord.isId(id)) {
            return false;
        }
        boolean discarded = deadLetters.discard(id, by, reason);
        if (discarded) {
            LOG.infof("Dead letter %s discarded by %s: %s", id, by, reason);
        }
        return discarded;
    }

    /** Listed records per kind: {@code PARKED} (ours to fix) and {@code REJECTED} (refused by the contracts). */
    @Transactional
    public Map<String, Long> counts() {
        return deadLetters.countByKind();
    }

    /**
     * Hands rejected records that are not on the dead-letter topic yet to {@code publisher}, and marks
     * them published once it returns; a crash in between sends them again.
     *
     * @return how many were published
     */
    @Transactional
    public int publishRejected(Publisher publisher, int limit) {
        List<DeadLetter> pending = deadLetters.lockUnpublished(limit);
        if (!pending.isEmpty()) {
            publisher.publish(pending);
            deadLetters.published(pending.stream().map(DeadLetter::id).toList());
        }
        return pending.size();
    }
}
