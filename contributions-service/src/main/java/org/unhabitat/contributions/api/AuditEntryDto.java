package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A write as the audit trail recorded it: who, in which role, from where, what and when")
public record AuditEntryDto(
        @Schema(examples = "2021-09-15T10:00:00Z") Instant at,
        @Schema(examples = "finance-user") String subject,
        @Schema(examples = "finance") String role,
        @Schema(examples = "203.0.113.7") String clientIp,
        @Schema(examples = "payment.recorded") String action,
        @Schema(examples = "payment") String resourceType,
        @Schema(examples = "6f1c2d3e-0000-4000-8000-000000000000") String resourceId) {
}
