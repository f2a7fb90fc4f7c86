package org.unhabitat.targets.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A core budget line")
public record BudgetLineDto(
        @Schema(examples = "FOUNDATION_NON_EARMARKED") String code,
        @Schema(examples = "Foundation non-earmarked") String name) {
}
