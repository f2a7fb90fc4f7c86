package org.unhabitat.reporting.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A contributor ranked by income received; individual donors appear only together, never by name")
public record TopContributorRow(
        @Schema(examples = "1") int rank,
        @Schema(examples = "USA") String contributorCode,
        @Schema(examples = "United States of America") String name,
        @Schema(examples = "MEMBER_STATE") String type,
        @Schema(type = SchemaType.STRING, examples = "1250000.00") BigDecimal receivedUsd) {
}
