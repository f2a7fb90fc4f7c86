package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Dead letters applied again, and those that still fail and stay listed")
public record RedriveResult(@Schema(examples = "3") int redriven, @Schema(examples = "0") int stillFailing) {
}
