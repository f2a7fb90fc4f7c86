package org.unhabitat.platform.audit;

import java.time.Instant;

/** One entry of an audit trail, as a service shows it to finance. */
public record AuditRecord(Instant occurredAt, String subject, String role, String clientIp, String action,
                          String resourceType, String resourceId) {
}
