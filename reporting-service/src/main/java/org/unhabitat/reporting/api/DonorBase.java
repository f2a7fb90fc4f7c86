package org.unhabitat.reporting.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Core (Foundation non-earmarked) donors of a year: new, resumed and increased, codes sorted")
public record DonorBase(
        @Schema(examples = "2021") int year,
        @Schema(examples = "38", description = "Contributors with a payment to Foundation non-earmarked received in the year") int coreContributors,
        @JsonProperty("new")
        @Schema(examples = "[\"MUS\", \"NAM\", \"TUR\"]", description = "Core donors in the year who were never core donors before") List<String> newDonors,
        @Schema(examples = "[\"EGY\", \"ITA\", \"RWA\"]", description = "Core in the year, not the year before, but in some earlier year") List<String> resumed,
        @Schema(examples = "[\"KIR\", \"PHL\"]", description = "Core in both years, with more USD received this year") List<String> increased) {
}
