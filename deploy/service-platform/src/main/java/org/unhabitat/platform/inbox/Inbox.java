package org.unhabitat.platform.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The consumer side of exactly-once effects: an event's id is recorded in the transaction of its effect, so a
 * redelivered event (at-least-once delivery, a rebalance, a restart before the offset was committed) changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = Inbox.ENABLED, stringValue = "true")
public class Inbox {

    /** The build property that switches the inbox on in a service that has its table. */
    public static final String ENABLED = "platform.inbox.enabled";

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as applied, in the caller's transaction (MANDATORY), and tells whether it is new: false means
     * it was applied before and the caller must do nothing. Two instances given the same event at once: the second
     * waits on the first's uncommitted row, then sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(IncomingEvent event) {
        return entityManager.createNativeQuery("""
                        INSERT INTO inbox_event (event_id, event_type, received_at) VALUES (:id, :type, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }
}
