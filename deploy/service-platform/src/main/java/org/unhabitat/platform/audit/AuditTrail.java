package org.unhabitat.platform.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.security.CurrentCaller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records every write with who made it (token subject and role), from where (the client address:
 * the connection's peer, or the X-Forwarded-For client only when quarkus.http.proxy trusts the
 * proxy) and when. MANDATORY: the row must commit or roll back with the write it describes.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditTrail {

    /** The build property that switches the audit trail on in a service that has its table. */
    public static final String ENABLED = "platform.audit.enabled";

    /** Who made a write, as the audit trail records it. */
    public record Actor(String subject, String role, String clientIp) {
    }

    private final AuditStore store;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    /** Set while work started by a request runs on after it, on a thread of its own (a long bulk import). */
    private final ThreadLocal<Actor> actingFor = new ThreadLocal<>();

    public AuditTrail(AuditStore store, SecurityIdentity identity, CurrentVertxRequest request) {
        this.store = store;
        this.identity = identity;
        this.request = request;
    }

    /**
     * @param aggregateId the aggregate the written resource belongs to, whose trail it joins
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, String resourceId, String aggregateId) {
        Actor actor = actingFor.get() == null ? currentActor() : actingFor.get();
        store.append(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, resourceType, resourceId, aggregateId);
    }

    /** The caller of the current request, to be named by work that runs on after the request has been answered. */
    public Actor currentActor() {
        return new Actor(identity.getPrincipal().getName(), CurrentCaller.of(identity, null).role(),
                request.getCurrent().request().remoteAddress().hostAddress());
    }

    /**
     * Runs work outside the request that started it (no request is current on its thread), recording its writes as
     * that request's caller's.
     */
    public <T> T actingFor(Actor actor, Supplier<T> work) {
        actingFor.set(actor);
        try {
            return work.get();
        } finally {
            actingFor.remove();
        }
    }

    /** Every write to an aggregate, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditRecord> ofAggregate(String aggregateId) {
        return AuditEntry.ofAggregate(aggregateId).stream()
                .map(entry -> new AuditRecord(entry.occurredAt, entry.subject, entry.role, entry.clientIp, entry.action,
                        entry.resourceType, entry.resourceId))
                .toList();
    }
}
