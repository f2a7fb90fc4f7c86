package org.unhabitat.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/**
 * One write, as the audit trail keeps it. Immutable here, and append-only in the database too.
 * {@code aggregateId} names the aggregate the write belongs to (a pledge, for one of its payments),
 * so that an aggregate's whole trail is one query.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String role;

    @Column(name = "client_ip", nullable = false)
    public String clientIp;

    @Column(nullable = false)
    public String action;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @Column(name = "aggregate_id")
    public String aggregateId;

    static List<AuditEntry> ofAggregate(String aggregateId) {
        return list("aggregateId = ?1 order by id", aggregateId);
    }
}
