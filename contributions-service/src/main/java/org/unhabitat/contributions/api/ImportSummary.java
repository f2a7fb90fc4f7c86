package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A recorded import: what it did, and who ran it")
public record ImportSummary(
        UUID id,
        @Schema(examples = "pledges") String kind,
        @Schema(description = "Rows below the header", examples = "2000") int rows,
        @Schema(description = "Rows recorded by this import", examples = "2000") int created,
        @Schema(description = "Rows that were already recorded with the same values", examples = "0") int unchanged,
        @Schema(description = "The token subject of who ran it", examples = "finance-user") String ranBy,
        @Schema(examples = "finance") String role,
        @Schema(examples = "2026-12-02T10:00:00Z") Instant ranAt) {
}
