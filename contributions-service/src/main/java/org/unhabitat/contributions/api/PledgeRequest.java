package org.unhabitat.contributions.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.contributions.domain.Channel;
import org.unhabitat.contributions.domain.Earmarking;
import org.unhabitat.contributions.domain.Modality;
import org.unhabitat.contributions.domain.Region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A pledge, in the contributor's currency")
public record PledgeRequest(
        @NotBlank @Schema(examples = "SWE") String contributorCode,
        @NotNull @Schema(examples = "FOUNDATION_EARMARKED") BudgetLine budgetLine,
        @NotNull @Schema(examples = "SOFTLY_EARMARKED") Earmarking earmarking,
        @NotNull @Schema(examples = "GLOBAL") Region region,
        @NotBlank @Schema(examples = "SEK") String currency,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "7000000") BigDecimal amount,
        @NotNull @Schema(examples = "2021-09-15") LocalDate pledgedOn,
        @Size(max = 21) @Schema(description = "Split by year; default: the whole amount in the year of pledgedOn")
        List<@NotNull @Valid ScheduleEntryRequest> schedule,
        @Size(max = 128) @Schema(description = "The partner's own id for it, unique per contributor", examples = "SE-2021-001") String reference,
        @Size(max = 40) @Schema(description = "A programme code known from targets-service (GET /api/v1/programmes there), "
                + "in the pledge's budget line; default: none", examples = "UIF-FEASIBILITY-FUND", nullable = true)
        String programme,
        @Schema(description = "How the money comes; default DIRECT", examples = "ONLINE_GIVING", nullable = true) Channel channel,
        @Schema(description = "The financial form; default GRANT", examples = "GRANT", nullable = true) Modality modality) {
}
