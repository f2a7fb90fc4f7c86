package org.unhabitat.contributions.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unhabitat.contributions.domain.WebhookEventType;
import org.unhabitat.contributions.service.WebhookDeliveries;
import org.unhabitat.platform.inbox.EventDecoder;
import org.unhabitat.platform.inbox.IncomingEvent;
import org.unhabitat.platform.inbox.TransientFailureRetry;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads this service's own events back from contributions.events to fan them out as webhooks. Only what the outbox
 * relay published, that is only committed changes, is ever announced, and each pledge's events (keyed by its id)
 * arrive in order, one record at a time per partition. Contributor and rate events pass by.
 */
@ApplicationScoped
public class ContributionsEventsConsumer {

    public static final String CHANNEL = "contributions-events";

    /** What a payment event of any version says about which payment it is. */
    record PaymentReference(UUID paymentId) {
    }

    private final EventDecoder decoder;
    private final WebhookDeliveries deliveries;

    public ContributionsEventsConsumer(EventDecoder decoder, WebhookDeliveries deliveries) {
        this.decoder = decoder;
        this.deliveries = deliveries;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        Optional<WebhookEventType> type = WebhookDeliveries.announcedBy(event.type());
        if (type.isEmpty()) {
            return;
        }
        UUID paymentId = type.get() == WebhookEventType.PAYMENT_RECORDED
                ? decoder.decode(event, PaymentReference.class).paymentId() : null;
        Instant publishedAt = Instant.ofEpochMilli(record.timestamp());
        TransientFailureRetry.untilApplied(() -> deliveries.fanOut(event, type.get(), paymentId, publishedAt));
    }
}
