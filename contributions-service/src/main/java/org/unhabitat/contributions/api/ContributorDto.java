package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A contributor: a member state, the European Commission, a UN entity, a fund, a bank, a foundation, an individual...")
public record ContributorDto(
        @Schema(examples = "SWE") String code,
        @Schema(examples = "Sweden") String name,
        @Schema(examples = "MEMBER_STATE") String type,
        @Schema(examples = "SWE", nullable = true) String country,
        @Schema(examples = "XM-DAC-10", nullable = true) String iatiOrgRef,
        Instant registeredAt,
        Instant updatedAt) {
}
