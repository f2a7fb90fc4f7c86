package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What is wrong with one row of an import file")
public record ImportProblem(
        @Schema(description = "The row, counting the header as row 1; a quoted line break does not start a row", examples = "7")
        long row,
        @Schema(description = "The column; null when the problem is about the row as a whole", examples = "amount", nullable = true)
        String field,
        @Schema(examples = "must be greater than zero") String message) {
}
