package org.unhabitat.reporting.mapping;

import org.unhabitat.reporting.api.FlowGroup;
import org.unhabitat.reporting.api.FlowReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Flows as RFC 4180 CSV, as pledges.csv is written: a header row with the grouped dimensions and then the figures,
 * one row per group in the JSON's order; an absent value (no programme, a month's pledged) is an empty field.
 */
public final class FlowCsv {

    private static final List<String> FIGURES = List.of("pledgedUsd", "receivedUsd", "outstandingUsd", "pledgeCount");

    public static String write(List<String> dimensions, FlowReport flows) {
        List<String> header = new ArrayList<>(dimensions);
        header.addAll(FIGURES);
        StringBuilder csv = new StringBuilder();
        PledgeCsv.line(csv, header);
        for (FlowGroup group : flows.groups()) {
            List<String> fields = new ArrayList<>();
            for (String dimension : dimensions) {
                Object value = group.key().get(dimension);
                fields.add(value == null ? "" : PledgeCsv.text(value.toString()));
            }
            fields.add(plain(group.pledgedUsd()));
            fields.add(plain(group.receivedUsd()));
            fields.add(plain(group.outstandingUsd()));
            fields.add(group.pledgeCount() == null ? "" : group.pledgeCount().toString());
            PledgeCsv.line(csv, fields);
        }
        return csv.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private FlowCsv() {
    }
}
