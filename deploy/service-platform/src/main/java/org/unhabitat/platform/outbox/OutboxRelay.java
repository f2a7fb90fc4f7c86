package org.unhabitat.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes pending outbox rows in commit order and marks them published only once the broker has
 * acknowledged every one of them. A crash or a broker outage leaves the rows pending, so they are
 * sent again later: delivery is at least once, and consumers drop duplicates by event id.
 *
 * <p>One relay thread per instance wakes as soon as a transaction that wrote events commits, and
 * otherwise polls, which also picks up rows committed by a process that died before relaying them.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true")
public class OutboxRelay {

    /** The build property that switches the outbox on in a service that has its table. */
    public static final String ENABLED = "platform.outbox.enabled";

    /** The channel the relay publishes on; each service names its topic in mp.messaging.outgoing.outbox.topic. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * First key of the per-aggregate advisory lock a relay holds while it publishes that aggregate's
     * events; the second key is the aggregate id's hash. Two-key locks keep these apart from the
     * service's other advisory locks, whose 64-bit ids are hashes with no such prefix.
     */
    public static final int AGGREGATE_LOCK_CLASS = 0x6f757462;

    private final MutinyEmitter<String> emitter;
    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, EntityManager entityManager,
                       OutboxConfig config) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Called after a transaction that appended events has committed. */
    void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                relayPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay paused, pending events stay queued: %s", e.getMessage());
            }
        }
    }

    private void relayPending() {
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == config.batchSize() && running);
    }

    /**
     * Publishes one batch. Another instance relaying the same outbox skips the rows locked here, and
     * also every later row of an aggregate whose lock is held here: otherwise it could publish a
     * pledge's correction while this instance is still waiting for the broker to take the pledge.
     * The aggregate locks last until commit, that is until the rows are marked published.
     */
    private int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = entityManager.createNativeQuery("""
                        SELECT * FROM outbox_event
                        WHERE published_at IS NULL AND pg_try_advisory_xact_lock(:lockClass, hashtext(aggregate_id))
                        ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter("lockClass", AGGREGATE_LOCK_CLASS)
                .setParameter("limit", config.batchSize())
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acknowledgements = pending.stream().map(this::send).toList();
        Uni.join().all(acknowledgements).andFailFast().await().atMost(config.sendTimeout());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        pending.forEach(event -> event.publishedAt = now);
        return pending.size();
    }

    private Uni<Void> send(OutboxEvent event) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.toZonedDateTime())
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId)
                .build();
        return emitter.sendMessage(Message.of(event.payload, Metadata.of(cloudEvent, record)));
    }
}
