package org.unhabitat.reporting.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "Year-end income forecast per core budget line, with the method used")
public record Forecast(
        @Schema(examples = "2021") int year,
        @Schema(description = "The day the forecast is made from: today, or the asOf parameter") LocalDate asOf,
        String method,
        List<Line> lines,
        Line totals) {

    public record Line(
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(examples = "TECHNICAL_COOPERATION") String budgetLine,
            @Schema(type = SchemaType.STRING, examples = "152600000.00", nullable = true) BigDecimal targetUsd,
            @Schema(type = SchemaType.STRING, examples = "131100000.00") BigDecimal receivedToDateUsd,
            @Schema(type = SchemaType.STRING, examples = "9000000.00") BigDecimal outstandingDueUsd,
            @Schema(type = SchemaType.STRING, examples = "12000000.00") BigDecimal runRateUsd,
            @Schema(type = SchemaType.STRING, examples = "143100000.00") BigDecimal forecastUsd,
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) @Schema(type = SchemaType.NUMBER, examples = "93.8", nullable = true)
            BigDecimal forecastPct) {
    }
}
