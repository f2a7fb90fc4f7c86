package org.unhabitat.contributions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "An endpoint to receive webhooks of a contributor's pledges")
public record WebhookRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "https, to a public address", examples = "https://erp.partner.example/hooks/unhabitat")
        String url,
        @NotEmpty @Size(max = 5) @Schema(description = "pledge.recorded, pledge.corrected, pledge.cancelled, payment.recorded, instalment.overdue")
        List<@NotNull @Size(max = 40) String> events,
        @Size(max = 32) @Schema(description = "Whose pledges: a partner's own code (its default); finance may name any, or none for every contributor",
                examples = "SWE")
        String contributorCode) {
}
