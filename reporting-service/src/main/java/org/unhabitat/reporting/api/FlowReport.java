package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Money filtered and grouped: the groups sorted by key, and their totals")
public record FlowReport(List<FlowGroup> groups, FlowTotals totals) {
}
