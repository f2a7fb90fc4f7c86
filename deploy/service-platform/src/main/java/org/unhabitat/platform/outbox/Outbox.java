package org.unhabitat.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The event is published only if that transaction
 * commits, and the relay publishes it even if this process dies right after the commit.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true")
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxStore store;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(ObjectMapper mapper, OutboxStore store, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.mapper = mapper;
        this.store = store;
        this.relay = relay;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(DomainEvent event) {
        UUID eventId = UUID.randomUUID();
        store.append(eventId, event.aggregateType(), event.aggregateId(), event.eventType(), serialize(event),
                OffsetDateTime.now(ZoneOffset.UTC));
        transactions.registerInterposedSynchronization(new RelayAfterCommit(relay));
        return eventId;
    }

    private record RelayAfterCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }

    private String serialize(DomainEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.eventType() + " cannot be serialized", e);
        }
    }
}
