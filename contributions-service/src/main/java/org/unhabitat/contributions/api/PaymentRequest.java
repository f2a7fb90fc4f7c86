package org.unhabitat.contributions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "Money received against a pledge, in the pledge's currency")
public record PaymentRequest(
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "7000000") BigDecimal amount,
        @NotBlank @Schema(examples = "SEK") String currency,
        @NotNull @Schema(examples = "2021-12-10") LocalDate receivedOn,
        @Schema(description = "The schedule year it settles; default: the earliest year with an unpaid balance", examples = "2021")
        Integer forYear,
        @Size(max = 128) @Schema(description = "The bank's or partner's id for the payment, unique per pledge: the same reference "
                + "again is a 409 whose Location names the first payment", examples = "SEB-2021-12-10-0042", nullable = true)
        String reference) {
}
