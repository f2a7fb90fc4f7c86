package org.unhabitat.contributions.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "One page of a list; pass next as cursor to read on, null at the end")
public record Page<T>(List<T> items, @Schema(nullable = true) String next) {
}
