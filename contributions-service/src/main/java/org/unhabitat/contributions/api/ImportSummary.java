package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An import: what it did, or while it runs how far it has got, and who ran it")
public record ImportSummary(
        UUID id,
        @Schema(examples = "pledges") String kind,
        boolean dryRun,
        @Schema(description = "RUNNING; then CHECKED (a dry run), RECORDED, REJECTED (a problem in a row: nothing recorded) or "
                + "FAILED (the service failed: nothing recorded, upload the file again)", examples = "RECORDED") String status,
        @Schema(description = "Rows below the header", examples = "2000") int rows,
        @Schema(description = "Rows checked so far", examples = "2000") int processed,
        @Schema(description = "Rows recorded (for a dry run: that a real run would record)", examples = "2000") int created,
        @Schema(description = "Rows that were already recorded with the same values", examples = "0") int unchanged,
        @Schema(description = "Every problem of every row, once it has ended") List<ImportProblem> problems,
        @Schema(description = "The token subject of who ran it", examples = "finance-user") String ranBy,
        @Schema(examples = "finance") String role,
        @Schema(examples = "2026-12-02T10:00:00Z") Instant ranAt,
        @Schema(examples = "2026-12-02T10:00:09Z", nullable = true) Instant finishedAt) {
}
