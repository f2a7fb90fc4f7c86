package org.unhabitat.contributions.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(description = "A correction of a pledge's amount and schedule by finance; the pledge keeps its currency and rate")
public record CorrectionRequest(
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "20800000") BigDecimal amount,
        @Size(max = 21) @Schema(description = "Default: the whole amount in the year of pledgedOn")
        List<@NotNull @Valid ScheduleEntryRequest> schedule,
        @NotBlank @Size(max = 500) @Schema(examples = "Agreement amended on 2022-03-01") String reason) {
}
