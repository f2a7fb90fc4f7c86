package org.unhabitat.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes pending outbox rows and marks them published only once the broker has acknowledged
 * them. A crash or a broker outage leaves the rows pending, so they are sent again later: delivery
 * is at least once, and consumers drop duplicates by event id.
 *
 * <p>A round is three steps, none of which holds a database transaction while the broker is asked:
 * claim (a short transaction leases the aggregates of the oldest pending events and reads their
 * events), send (each aggregate's events one after the other, each sent once the one before is
 * acknowledged; aggregates side by side), and mark (a short transaction records what was
 * acknowledged and gives the leases back). An aggregate's lease keeps every other instance away from
 * its events until the round is over, so one aggregate's events reach their partition in order
 * whichever instance relays them. An event the broker refuses stops only its own aggregate, which is
 * tried again after a delay that doubles up to {@link OutboxConfig#maxRetryDelay()}.
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

    private final MutinyEmitter<String> emitter;
    private final OutboxStore store;
    private final OutboxConfig config;
    private final String owner;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxStore store, OutboxConfig config,
                       @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.emitter = emitter;
        this.store = store;
        this.config = config;
        this.owner = config.instanceId().orElseGet(() -> hostName() + ":" + httpPort);
        if (config.lease().compareTo(config.sendTimeout()) <= 0) {
            throw new IllegalStateException("outbox.lease (" + config.lease() + ") must outlast outbox.send-timeout ("
                    + config.sendTimeout() + ")");
        }
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
        try {
            QuarkusTransaction.requiringNew().run(() -> store.releaseAll(owner));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox leases not given back at shutdown; they expire within %s: %s", config.lease(), e.getMessage());
        }
    }

    /** Whether the relay thread runs; it ends only at shutdown or when something it cannot handle killed it. */
    public boolean running() {
        Thread current = worker;
        return running && current != null && current.isAlive();
    }

    /** Called after a transaction that appended events has committed. */
    void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        // Leases this instance may still hold: from before a restart, or from a round cut short by an error.
        boolean releaseFirst = true;
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (releaseFirst) {
                    QuarkusTransaction.requiringNew().run(() -> store.releaseAll(owner));
                    releaseFirst = false;
                }
                while (running && relayRound() == config.batchSize()) {
                    // a full round: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                releaseFirst = true;
                LOG.warnf("Outbox relay paused, pending events stay queued: %s", e.getMessage());
            }
        }
    }

    /** Claims, sends and marks one batch; returns how many events it claimed. */
    private int relayRound() {
        List<OutboxEvent> claimed = QuarkusTransaction.requiringNew()
                .call(() -> store.claim(owner, config.lease(), config.batchSize()));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, List<OutboxEvent>> byAggregate = new LinkedHashMap<>();
        claimed.forEach(event -> byAggregate.computeIfAbsent(event.aggregateId, id -> new ArrayList<>()).add(event));
        List<Uni<Delivery>> deliveries = byAggregate.values().stream().map(this::deliverInOrder).toList();
        List<Delivery> outcomes = Uni.join().all(deliveries).andFailFast().await().indefinitely();
        QuarkusTransaction.requiringNew().run(() -> record(outcomes));
        return claimed.size();
    }

    /**
     * Sends one aggregate's events one after the other and stops at the first the broker does not
     * acknowledge in time, so that nothing after it can overtake it on the partition.
     */
    private Uni<Delivery> deliverInOrder(List<OutboxEvent> events) {
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        return sendFrom(events, 0, acknowledged)
                .ifNoItem().after(config.sendTimeout())
                .recoverWithItem(() -> timedOut(events, List.copyOf(acknowledged)));
    }

    /** Giving up on the aggregate cancels the rest of its chain: nothing after the late event is sent. */
    private Delivery timedOut(List<OutboxEvent> events, List<Long> acknowledged) {
        OutboxEvent late = acknowledged.size() < events.size() ? events.get(acknowledged.size()) : null;
        return new Delivery(events.get(0).aggregateId, acknowledged, late,
                late == null ? null : "no acknowledgement within " + config.sendTimeout());
    }

    private Uni<Delivery> sendFrom(List<OutboxEvent> events, int next, List<Long> acknowledged) {
        if (next == events.size()) {
            return Uni.createFrom().item(new Delivery(events.get(0).aggregateId, List.copyOf(acknowledged), null, null));
        }
        OutboxEvent event = events.get(next);
        return send(event)
                .onItem().transformToUni(ignored -> {
                    acknowledged.add(event.seq);
                    return sendFrom(events, next + 1, acknowledged);
                })
                .onFailure().recoverWithItem(failure -> new Delivery(event.aggregateId, List.copyOf(acknowledged), event,
                        String.valueOf(failure.getMessage())));
    }

    private void record(List<Delivery> outcomes) {
        store.markPublished(outcomes.stream().flatMap(delivery -> delivery.acknowledged().stream()).toList());
        List<String> done = new ArrayList<>();
        for (Delivery delivery : outcomes) {
            if (delivery.refused() == null) {
                done.add(delivery.aggregateId());
                continue;
            }
            Duration retryIn = retryDelay(delivery.refused().attempts);
            LOG.warnf("Outbox event %s (%s of %s) not sent, attempt %d; its aggregate waits %s: %s",
                    delivery.refused().eventId, delivery.refused().eventType, delivery.aggregateId(),
                    delivery.refused().attempts + 1, retryIn, delivery.error());
            store.recordFailure(owner, delivery.refused(), delivery.error(), retryIn);
        }
        store.release(owner, done);
    }

    /** The poll interval, doubled for each earlier failure of the event, up to the configured maximum. */
    private Duration retryDelay(int earlierAttempts) {
        Duration delay = config.pollInterval().multipliedBy(1L << Math.min(earlierAttempts, 20));
        return delay.compareTo(config.maxRetryDelay()) < 0 ? delay : config.maxRetryDelay();
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

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** What became of one aggregate's events in a round: those acknowledged, and the one refused if any. */
    private record Delivery(String aggregateId, List<Long> acknowledged, OutboxEvent refused, String error) {
    }
}
