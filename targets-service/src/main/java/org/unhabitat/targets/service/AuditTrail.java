package org.unhabitat.targets.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.targets.repository.AuditEntry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records every write with who made it (token subject and role), from where (the client address:
 * the connection's peer, or the X-Forwarded-For client only when quarkus.http.proxy trusts the
 * proxy) and when. MANDATORY: the row must commit or roll back with the write it describes.
 */
@ApplicationScoped
public class AuditTrail {

    /** Most privileged first: a token with several roles is recorded by the one that allowed the write. */
    private static final List<String> ROLES = List.of("admin", "finance", "partner");

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public AuditTrail(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, String resourceId) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.subject = identity.getPrincipal().getName();
        entry.role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("none");
        entry.clientIp = request.getCurrent().request().remoteAddress().hostAddress();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.persist();
    }
}
