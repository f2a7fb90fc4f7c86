package org.unhabitat.platform.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes audit rows with a statement of its own rather than by persisting {@link AuditEntry}: every write of every
 * service adds one, and Hibernate's persist and flush cost several times the insert (deploy/bench/README.md). The
 * statement runs on the transaction's own connection, without opening an ORM session.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditStore {

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Instant occurredAt, AuditTrail.Actor actor, String action, String resourceType, String resourceId,
                       String aggregateId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
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
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
