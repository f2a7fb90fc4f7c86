package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A pledge with its schedule, payments, status and balances. Currency amounts have the currency's minor units, USD two decimals.")
public record PledgeDto(
        UUID id,
        @Schema(examples = "1") int version,
        @Schema(examples = "SWE") String contributorCode,
        @Schema(examples = "FOUNDATION_EARMARKED") String budgetLine,
        @Schema(examples = "SOFTLY_EARMARKED") String earmarking,
        @Schema(examples = "GLOBAL") String region,
        @Schema(examples = "UIF-FEASIBILITY-FUND", nullable = true) String programme,
        @Schema(examples = "DIRECT") String channel,
        @Schema(examples = "GRANT") String modality,
        @Schema(examples = "SEK") String currency,
        @Schema(type = SchemaType.STRING, examples = "7000000.00") BigDecimal amount,
        @Schema(type = SchemaType.STRING, examples = "8.75", description = "Units per USD of the pledge month, as used") BigDecimal fxRate,
        @Schema(type = SchemaType.STRING, examples = "800000.00", description = "Sum of the schedule entries' USD") BigDecimal usdAmount,
        LocalDate pledgedOn,
        @Schema(examples = "SE-2021-001", nullable = true) String reference,
        boolean multiYear,
        List<ScheduleEntryDto> schedule,
        @Schema(examples = "PARTIALLY_PAID") String status,
        @Schema(type = SchemaType.STRING, description = "Paid, in the pledge's currency") BigDecimal paid,
        @Schema(type = SchemaType.STRING, description = "USD of the payments, each at the rate of its own month") BigDecimal paidUsd,
        @Schema(type = SchemaType.STRING, description = "Unpaid balance in the pledge's currency; zero once paid or cancelled") BigDecimal outstanding,
        @Schema(type = SchemaType.STRING, description = "Unpaid balance in USD at the pledge's rate") BigDecimal outstandingUsd,
        @Schema(nullable = true) CancellationDto cancellation,
        List<PaymentDto> payments,
        Instant recordedAt) {

    @Schema(description = "One year of the schedule and what is paid towards it")
    public record ScheduleEntryDto(
            @Schema(examples = "2021") int year,
            @Schema(type = SchemaType.STRING, examples = "7000000.00") BigDecimal amount,
            @Schema(type = SchemaType.STRING, examples = "800000.00") BigDecimal usdAmount,
            @Schema(type = SchemaType.STRING) BigDecimal paid,
            @Schema(type = SchemaType.STRING) BigDecimal outstanding,
            @Schema(type = SchemaType.STRING) BigDecimal outstandingUsd,
            @Schema(examples = "2021-12-31") LocalDate dueOn) {
    }

    @Schema(description = "Why and when a pledge was cancelled, and what was written off")
    public record CancellationDto(
            String reason,
            LocalDate cancelledOn,
            @Schema(type = SchemaType.STRING) BigDecimal writtenOff,
            @Schema(type = SchemaType.STRING) BigDecimal writtenOffUsd,
            Instant cancelledAt) {
    }
}
