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

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public AuditTrail(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    /**
     * @param aggregateId the aggregate the written resource belongs to, whose trail it joins
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, String resourceId, String aggregateId) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.subject = identity.getPrincipal().getName();
        entry.role = CurrentCaller.of(identity, null).role();
        entry.clientIp = request.getCurrent().request().remoteAddress().hostAddress();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.aggregateId = aggregateId;
        entry.persist();
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
