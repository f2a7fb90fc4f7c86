package org.unhabitat.platform.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes audit rows with a statement of its own rather than by persisting {@link AuditEntry}: every write of every
 * service adds one, and Hibernate's persist and flush cost several times the insert (deploy/bench/README.md).
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditStore {

    private final EntityManager entityManager;

    public AuditStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Instant occurredAt, AuditTrail.Actor actor, String action, String resourceType, String resourceId,
                       String aggregateId) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_log (occurred_at, subject, role, client_ip, action, resource_type, resource_id, aggregate_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
                insert.setString(2, actor.subject());
                insert.setString(3, actor.role());
                insert.setString(4, actor.clientIp());
                insert.setString(5, action);
                insert.setString(6, resourceType);
                insert.setString(7, resourceId);
                insert.setString(8, aggregateId);
                insert.executeUpdate();
            }
        });
    }
}
