package org.unhabitat.reporting.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "Income mobilized against targets, per core budget line, with totals that equal the sum of the lines")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressReport(
        @Schema(examples = "2020-2023", description = "Set when the report is against a plan envelope") String plan,
        @Schema(examples = "2021", description = "Set when the report is for one year") Integer year,
        @Schema(description = "Only payments received on or before this day count") LocalDate asOf,
        List<ProgressRow> lines,
        ProgressRow totals) {
}
