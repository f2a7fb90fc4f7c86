package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A payment received against a pledge")
public record PaymentDto(
        UUID id,
        UUID pledgeId,
        @Schema(examples = "SEK") String currency,
        @Schema(type = SchemaType.STRING, examples = "7000000.00") BigDecimal amount,
        @Schema(type = SchemaType.STRING, examples = "9.05", description = "Units per USD of the month it was received") BigDecimal fxRate,
        @Schema(type = SchemaType.STRING, examples = "773480.66") BigDecimal usdAmount,
        @Schema(type = SchemaType.STRING, examples = "800000.00") BigDecimal usdAtPledgeRate,
        @Schema(type = SchemaType.STRING, examples = "-26519.34", description = "usdAmount - usdAtPledgeRate") BigDecimal fxDifferenceUsd,
        LocalDate receivedOn,
        @Schema(examples = "2021") int forYear,
        @Schema(examples = "SEB-2021-12-10-0042", nullable = true) String reference,
        Instant recordedAt) {
}
