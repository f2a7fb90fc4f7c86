package org.unhabitat.reporting.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.domain.Percentages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

@Schema(description = "Income mobilized against targets, per core budget line, with totals that equal the sum of the lines")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressReport(
        @Schema(examples = "2020-2023", description = "Set when the report is against a plan envelope") String plan,
        @Schema(examples = "2021", description = "Set when the report is for one year") Integer year,
        @Schema(description = "Only payments received on or before this day count") LocalDate asOf,
        List<ProgressRow> lines,
        ProgressRow totals) {

    /**
     * The same report with its totals row: each figure the sum of the lines' figures. The totals' achieved
     * percentage compares like with like: the income of the lines that have a target, over those targets.
     */
    public ProgressReport withTotals() {
        BigDecimal target = sumOrNull(ProgressRow::targetUsd);
        BigDecimal receivedAgainstTargets = lines.stream().filter(line -> line.targetUsd() != null)
                .map(ProgressRow::receivedUsd).reduce(Money.ZERO, BigDecimal::add);
        ProgressRow sums = new ProgressRow(null, target, sum(ProgressRow::receivedUsd), sum(ProgressRow::priorYearUsd),
                sum(ProgressRow::pledgedUsd), sum(ProgressRow::outstandingUsd), Percentages.of(receivedAgainstTargets, target));
        return new ProgressReport(plan, year, asOf, lines, sums);
    }

    private BigDecimal sum(Function<ProgressRow, BigDecimal> field) {
        return lines.stream().map(field).reduce(Money.ZERO, BigDecimal::add);
    }

    private BigDecimal sumOrNull(Function<ProgressRow, BigDecimal> field) {
        List<BigDecimal> present = lines.stream().map(field).filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : present.stream().reduce(Money.ZERO, BigDecimal::add);
    }
}
