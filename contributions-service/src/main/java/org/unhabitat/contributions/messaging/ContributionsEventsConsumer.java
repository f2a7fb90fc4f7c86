package org.unhabitat.contributions.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.config.WebhookConfig;
import org.unhabitat.contributions.domain.WebhookEventType;
import org.unhabitat.contributions.service.WebhookDeliveries;
import org.unhabitat.platform.inbox.EventDecoder;
import org.unhabitat.platform.inbox.IncomingEvent;
import org.unhabitat.platform.inbox.PoisonEventException;
import org.unhabitat.platform.inbox.TransientFailureRetry;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Reads this service's own events back from contributions.events to fan them out as webhooks. Only what the outbox
 * relay published, that is only committed changes, is ever announced, and each pledge's events (keyed by its id)
 * arrive in order. Contributor and rate events pass by.
 *
 * <p>Records wait here for one thread that fans them out a batch per transaction, in the order they came, so a
 * partition's order holds. Each record is acknowledged once its batch committed, and the channel commits a partition's
 * offset only up to its first record not yet acknowledged: a record whose batch never committed comes again after a
 * restart, and the inbox drops what was applied. A batch that fails for a reason other than a transient one is
 * applied again one event at a time, so only the event that fails is dead-lettered. Once
 * {@link WebhookConfig.FanOut#maxBatch()} records wait, the channel delivers no more until a batch was taken.
 */
@ApplicationScoped
public class ContributionsEventsConsumer {

    public static final String CHANNEL = "contributions-events";

    private static final Logger LOG = Logger.getLogger(ContributionsEventsConsumer.class);

    /** What a payment event of any version says about which payment it is. */
    record PaymentReference(UUID paymentId) {
    }

    private final EventDecoder decoder;
    private final WebhookDeliveries deliveries;
    private final int maxBatch;
    private final ArrayDeque<Message<String>> waiting = new ArrayDeque<>();
    private CompletableFuture<Void> room;
    private volatile boolean running;
    private Thread worker;

    public ContributionsEventsConsumer(EventDecoder decoder, WebhookDeliveries deliveries, WebhookConfig config) {
        this.decoder = decoder;
        this.deliveries = deliveries;
        this.maxBatch = config.fanOut().maxBatch();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "webhook-fan-out");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Takes the record into the next batch; the returned stage holds the channel back while a full batch waits. */
    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<String> message) {
        synchronized (waiting) {
            waiting.add(message);
            waiting.notifyAll();
            if (waiting.size() < maxBatch) {
                return CompletableFuture.completedFuture(null);
            }
            room = new CompletableFuture<>();
            return room;
        }
    }

    private void run() {
        while (running) {
            try {
                apply(nextBatch());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Unacknowledged records come again after a restart or a rebalance; the inbox drops what was applied.
                LOG.errorf(e, "Webhook fan-out stopped a batch it could not settle");
            }
        }
    }

    private List<Message<String>> nextBatch() throws InterruptedException {
        CompletableFuture<Void> freed;
        List<Message<String>> batch = new ArrayList<>();
        synchronized (waiting) {
            while (waiting.isEmpty()) {
                waiting.wait();
            }
            while (!waiting.isEmpty() && batch.size() < maxBatch) {
                batch.add(waiting.poll());
            }
            freed = room;
            room = null;
        }
        if (freed != null) {
            freed.complete(null);
        }
        return batch;
    }

    private void apply(List<Message<String>> batch) {
        List<Announcement> announcements = new ArrayList<>();
        for (Message<String> message : batch) {
            try {
                read(message).ifPresentOrElse(announced -> announcements.add(new Announcement(message, announced)),
                        message::ack);
            } catch (PoisonEventException e) {
                message.nack(e);
            }
        }
        if (announcements.isEmpty()) {
            return;
        }
        List<WebhookDeliveries.Published> published = announcements.stream().map(Announcement::published).toList();
        try {
            TransientFailureRetry.untilApplied(() -> deliveries.fanOut(published));
            announcements.forEach(announcement -> announcement.message().ack());
        } catch (RuntimeException batchFailure) {
            LOG.warnf("A batch of %d events failed to fan out (%s); fanning them out one at a time", published.size(),
                    batchFailure.getMessage());
            for (Announcement announcement : announcements) {
                try {
                    TransientFailureRetry.untilApplied(() -> deliveries.fanOut(List.of(announcement.published())));
                    announcement.message().ack();
                } catch (RuntimeException failure) {
                    announcement.message().nack(failure);
                }
            }
        }
    }

    /** A record to acknowledge once what it announces was fanned out. */
    private record Announcement(Message<String> message, WebhookDeliveries.Published published) {
    }

    /** What the record announces, if anything; a record the contract rejects is poison. */
    private Optional<WebhookDeliveries.Published> read(Message<String> message) {
        ConsumerRecord<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("A record of " + CHANNEL + " without its Kafka metadata"))
                .getRecord();
        @SuppressWarnings("unchecked")
        IncomingEvent event = IncomingEvent.from((ConsumerRecord<String, String>) record);
        Optional<WebhookEventType> type = WebhookDeliveries.announcedBy(event.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        UUID pledgeId;
        try {
            pledgeId = UUID.fromString(String.valueOf(event.key()));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + " is not keyed by a pledge id: " + event.key(), e);
        }
        UUID paymentId = type.get() == WebhookEventType.PAYMENT_RECORDED
                ? decoder.decode(event, PaymentReference.class).paymentId() : null;
        return Optional.of(new WebhookDeliveries.Published(event, pledgeId, type.get(), paymentId,
                Instant.ofEpochMilli(record.timestamp())));
    }
}
