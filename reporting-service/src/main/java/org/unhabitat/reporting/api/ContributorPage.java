package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Contributors by code; individuals are not listed")
public record ContributorPage(
        List<PublicContributor> items,
        @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true) String next) {
}
