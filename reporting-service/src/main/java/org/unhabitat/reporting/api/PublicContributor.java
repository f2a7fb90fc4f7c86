package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A contributor that may be named in public: never an individual")
public record PublicContributor(
        @Schema(examples = "SWE") String code,
        @Schema(examples = "Sweden") String name,
        @Schema(examples = "MEMBER_STATE") String type,
        @Schema(examples = "SWE", nullable = true, description = "ISO 3166-1 alpha-3, when the contributor has one") String country) {
}
