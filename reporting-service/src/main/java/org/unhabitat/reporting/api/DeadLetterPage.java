package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Dead letters in the order they stood in their topics")
public record DeadLetterPage(
        List<DeadLetterEntry> items,
        @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true) String next) {
}
