package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "What a dry run found: every problem of every row, and what a real run would do")
public record ImportReport(
        @Schema(description = "Rows below the header", examples = "2000") int rows,
        @Schema(description = "Rows without a problem", examples = "1997") int valid,
        @Schema(description = "Rows that a real run would record", examples = "1997") int created,
        @Schema(description = "Rows already recorded with the same values", examples = "0") int unchanged,
        List<ImportProblem> problems) {
}
