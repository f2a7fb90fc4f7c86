package org.unhabitat.contributions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unhabitat.contributions.domain.ContributorType;

@Schema(description = "Register or update a contributor")
public record ContributorRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Sweden") String name,
        @NotNull @Schema(examples = "MEMBER_STATE") ContributorType type,
        @Schema(description = "ISO 3166-1 alpha-3; for a member state it is its own code", examples = "SWE") String country,
        @Size(max = 100) @Schema(description = "The contributor's IATI organisation identifier, e.g. XM-DAC-10 for Sweden",
                examples = "XM-DAC-10", nullable = true) String iatiOrgRef) {
}
