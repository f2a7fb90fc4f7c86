package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A pledge's amount and schedule as recorded (version 1) or corrected")
public record PledgeVersionDto(
        @Schema(examples = "1") int version,
        @Schema(examples = "SEK") String currency,
        @Schema(type = SchemaType.STRING, examples = "7000000.00") BigDecimal amount,
        @Schema(type = SchemaType.STRING, examples = "8.75") BigDecimal fxRate,
        @Schema(type = SchemaType.STRING, examples = "800000.00") BigDecimal usdAmount,
        List<ScheduleEntry> schedule,
        @Schema(nullable = true, description = "Why it was corrected; null for version 1") String reason,
        String recordedBy,
        Instant recordedAt) {

    public record ScheduleEntry(
            int year,
            @Schema(type = SchemaType.STRING) BigDecimal amount,
            @Schema(type = SchemaType.STRING) BigDecimal usdAmount,
            LocalDate dueOn) {
    }
}
