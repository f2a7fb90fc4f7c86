package org.unhabitat.targets.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(description = "One revision of a programme's income target for a year. The current value is the latest revision.")
public record ProgrammeTargetDto(
        @Schema(examples = "UIF-FEASIBILITY-FUND") String programme,
        @Schema(examples = "2022") int year,
        @Schema(type = SchemaType.STRING, examples = "3000000.00", description = "USD, exactly 2 decimals")
        BigDecimal amountUsd,
        @Schema(examples = "1", description = "1 for the first value, then one more for every change") int revision,
        @Schema(examples = "finance-user", description = "Who made this revision: the subject of their token") String changedBy,
        @Schema(examples = "2021-11-15T09:05:00Z", description = "When this revision was recorded, UTC") Instant changedAt,
        @Schema(examples = "Donors' commitments at the fund's launch", description = "Why the value was set or changed")
        String reason) {
}
