package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.reporting.api.FlowGroup;
import org.unhabitat.reporting.api.FlowReport;
import org.unhabitat.reporting.api.FlowTotals;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.domain.FlowDimension;
import org.unhabitat.reporting.domain.Money;
import org.unhabitat.reporting.repository.FlowQueries;
import org.unhabitat.reporting.repository.FlowQueries.BookFigures;
import org.unhabitat.reporting.repository.FlowQueries.Criteria;
import org.unhabitat.reporting.repository.FlowQueries.IncomeFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flows: the money filtered and grouped the way the portal and analysts slice it, by the definitions of
 * progress (year Y is the schedule year for pledged and outstanding, the receipt year for received).
 */
@ApplicationScoped
public class FlowService {

    public static final int MAX_GROUPS = 10_000;

    /** What a flow asks for: the years (both null for every year), the filters, up to three dimensions and a cut-off. */
    public record FlowRequest(Integer fromYear, Integer toYear, Map<FlowDimension, Set<String>> filters,
                              List<FlowDimension> groupBy, LocalDate asOf) {
    }

    private final ReportReads reads;
    private final FlowQueries queries;

    public FlowService(ReportReads reads, FlowQueries queries) {
        this.reads = reads;
        this.queries = queries;
    }

    @Transactional
    public FlowReport flows(FlowRequest request) {
        reads.oneMoment();
        List<FlowDimension> groupBy = request.groupBy();
        Criteria criteria = new Criteria(request.fromYear(), request.toYear(), request.filters(), request.asOf());
        boolean byMonth = groupBy.contains(FlowDimension.MONTH);
        Map<List<String>, Figures> groups = new HashMap<>();
        if (!byMonth) {
            List<BookFigures> book = request.asOf() == null ? queries.book(groupBy, criteria) : queries.bookAsOf(groupBy, criteria);
            book.forEach(row -> groups.computeIfAbsent(row.key(), key -> new Figures()).add(row));
        }
        for (IncomeFigures row : queries.income(groupBy, criteria)) {
            groups.computeIfAbsent(row.key(), key -> new Figures()).received = groups.get(row.key()).received.add(row.receivedUsd());
        }
        // A correction that moved money elsewhere leaves its old group at nothing; without groupBy the one group always stays.
        groups.values().removeIf(Figures::isEmpty);
        if (groupBy.isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), new Figures());
        }
        if (groups.size() > MAX_GROUPS) {
            throw InvalidRequestException.parameter("groupBy", "gives " + groups.size() + " groups, more than " + MAX_GROUPS
                    + "; filter more or group by fewer dimensions");
        }
        List<Map.Entry<List<Object>, Figures>> sorted = new ArrayList<>();
        groups.forEach((key, figures) -> sorted.add(Map.entry(typed(groupBy, key), figures)));
        sorted.sort(Map.Entry.comparingByKey(keyOrder(groupBy)));
        Names names = names(groupBy, groups.keySet());

        List<FlowGroup> rows = new ArrayList<>();
        Figures totals = new Figures();
        for (Map.Entry<List<Object>, Figures> group : sorted) {
            Map<String, Object> key = new LinkedHashMap<>();
            Map<String, String> groupNames = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                FlowDimension dimension = groupBy.get(i);
                Object value = group.getKey().get(i);
                key.put(dimension.parameter(), value);
                String name = value == null ? null : names.of(dimension, value.toString());
                if (name != null) {
                    groupNames.put(dimension.parameter(), name);
                }
            }
            Figures figures = group.getValue();
            totals.add(figures);
            rows.add(new FlowGroup(key, groupNames, byMonth ? null : Money.usd(figures.pledged), Money.usd(figures.received),
                    byMonth ? null : Money.usd(figures.outstanding), byMonth ? null : figures.pledges));
        }
        return new FlowReport(rows, new FlowTotals(byMonth ? null : Money.usd(totals.pledged), Money.usd(totals.received),
                byMonth ? null : Money.usd(totals.outstanding), byMonth ? null : totals.pledges));
    }

    /** Years as numbers, the other codes as text. */
    private static List<Object> typed(List<FlowDimension> groupBy, List<String> key) {
        List<Object> typed = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            String value = key.get(i);
            typed.add(groupBy.get(i) == FlowDimension.YEAR && value != null ? Integer.valueOf(value) : value);
        }
        return typed;
    }

    private static Comparator<List<Object>> keyOrder(List<FlowDimension> groupBy) {
        Comparator<List<Object>> order = (left, right) -> 0;
        for (int i = 0; i < groupBy.size(); i++) {
            int position = i;
            Comparator<Object> values = groupBy.get(i).keyOrder();
            order = order.thenComparing(key -> key.get(position), values);
        }
        return order;
    }

    private Names names(List<FlowDimension> groupBy, Set<List<String>> keys) {
        Map<FlowDimension, Map<String, String>> looked = new HashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            FlowDimension dimension = groupBy.get(i);
            if (dimension == FlowDimension.CONTRIBUTOR || dimension == FlowDimension.PROGRAMME) {
                Set<String> codes = new TreeSet<>();
                int position = i;
                keys.forEach(key -> {
                    if (key.get(position) != null) {
                        codes.add(key.get(position));
                    }
                });
                looked.put(dimension, queries.names(dimension == FlowDimension.CONTRIBUTOR ? "contributor" : "programme", codes));
            }
        }
        return new Names(looked);
    }

    /** Display names: the lines' English names, contributors' and programmes' own names; individuals only together. */
    private record Names(Map<FlowDimension, Map<String, String>> looked) {

        String of(FlowDimension dimension, String code) {
            return switch (dimension) {
                case BUDGET_LINE -> BudgetLine.valueOf(code).englishName();
                case CONTRIBUTOR -> switch (code) {
                    case FlowQueries.INDIVIDUALS -> DonorReportService.INDIVIDUAL_DONORS_NAME;
                    case FlowQueries.UNIDENTIFIED -> DonorReportService.UNIDENTIFIED_NAME;
                    default -> looked.get(dimension).get(code);
                };
                case PROGRAMME -> looked.get(dimension).get(code);
                default -> null;
            };
        }
    }

    private static final class Figures {

        private BigDecimal pledged = BigDecimal.ZERO;
        private BigDecimal outstanding = BigDecimal.ZERO;
        private BigDecimal received = BigDecimal.ZERO;
        private long pledges;

        void add(BookFigures row) {
            pledged = pledged.add(row.pledgedUsd());
            outstanding = outstanding.add(row.outstandingUsd());
            pledges += row.pledges();
        }

        void add(Figures other) {
            pledged = pledged.add(other.pledged);
            outstanding = outstanding.add(other.outstanding);
            received = received.add(other.received);
            pledges += other.pledges;
        }

        boolean isEmpty() {
            return pledged.signum() == 0 && outstanding.signum() == 0 && received.signum() == 0 && pledges == 0;
        }
    }
}
