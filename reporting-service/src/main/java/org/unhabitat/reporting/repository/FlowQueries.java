package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;
import org.unhabitat.reporting.domain.EntryPosition;
import org.unhabitat.reporting.domain.FlowDimension;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flows read from the aggregates the consumer keeps at their finest grain ({@code flow_book},
 * {@code flow_income_by_day}), or, when no contributor is named, from their sums without the contributor
 * ({@code flow_book_summary}, {@code flow_income_by_year}), so that a grouped query costs the same at a
 * million pledges as at a thousand. Only a pledge book as of a past day is recomputed from the pledges themselves.
 *
 * <p>Individuals are folded into one contributor in SQL, and never match a contributor filter; money of a
 * contributor whose own event has not arrived yet is kept apart under its own code.
 */
@ApplicationScoped
public class FlowQueries {

    /** A flow's filters: each dimension's accepted codes (any when absent), schedule or receipt years, a cut-off day. */
    public record Criteria(Integer fromYear, Integer toYear, Map<FlowDimension, Set<String>> filters, LocalDate asOf) {
    }

    /** One group's key values, in the order of the dimensions asked for; null where there is no value (no programme). */
    public record BookFigures(List<String> key, BigDecimal pledgedUsd, BigDecimal outstandingUsd, long pledges) {
    }

    public record IncomeFigures(List<String> key, BigDecimal receivedUsd) {
    }

    public static final String INDIVIDUALS = "INDIVIDUAL-DONORS";
    public static final String UNIDENTIFIED = "UNIDENTIFIED-CONTRIBUTORS";

    private final DataSource dataSource;

    public FlowQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Pledged and outstanding USD and the number of schedule entries per group, from the book as it stands. Without
     * groups, one row of zeros when nothing matches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<BookFigures> book(List<FlowDimension> groupBy, Criteria criteria) {
        Query query = new Query("t.year");
        String source = namesContributors(groupBy, criteria)
                ? "flow_book t LEFT JOIN contributor c ON c.code = t.contributor_code"
                : "flow_book_summary t";
        String sql = "SELECT " + query.keys(groupBy) + "COALESCE(SUM(t.pledged_usd), 0), COALESCE(SUM(t.outstanding_usd), 0), COALESCE(SUM(t.entry_count), 0)"
                + " FROM " + source + query.where(criteria, "t.year BETWEEN ? AND ?") + query.groupBy(groupBy);
        List<BookFigures> figures = new ArrayList<>();
        query.run(sql, rows -> figures.add(new BookFigures(key(rows, groupBy.size()), rows.getBigDecimal(groupBy.size() + 1),
                rows.getBigDecimal(groupBy.size() + 2), rows.getLong(groupBy.size() + 3))));
        return figures;
    }

    /**
     * The book as it stood at the end of {@code criteria.asOf()}: pledges made by then, payments received by then and
     * cancellations made by then, one schedule entry at a time, with the contract's definitions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<BookFigures> bookAsOf(List<FlowDimension> groupBy, Criteria criteria) {
        Query query = new Query("t.year");
        String sql = "SELECT " + query.keys(groupBy) + "t.amount, t.usd_amount, t.fx_rate, t.cancelled, t.paid_amount, t.paid_usd"
                + " FROM (SELECT e.year, p.budget_line, p.region, p.earmarking, p.contributor_code,"
                + "              COALESCE(p.programme_code, '') AS programme_code, p.channel, p.modality, p.currency,"
                + "              e.amount, e.usd_amount, p.fx_rate, p.cancelled_on IS NOT NULL AND p.cancelled_on <= ? AS cancelled,"
                + "              COALESCE(paid.amount, 0) AS paid_amount, COALESCE(paid.usd, 0) AS paid_usd"
                + "       FROM pledge_entry e JOIN pledge p ON p.pledge_id = e.pledge_id"
                + "       LEFT JOIN LATERAL (SELECT SUM(y.amount) AS amount, SUM(y.usd_at_pledge_rate) AS usd FROM payment y"
                + "                          WHERE y.pledge_id = e.pledge_id AND y.for_year = e.year AND y.received_on <= ?) paid ON TRUE"
                + "       WHERE p.pledged_on <= ?) t"
                + " LEFT JOIN contributor c ON c.code = t.contributor_code";
        Date asOf = Date.valueOf(criteria.asOf());
        query.parameters.addAll(List.of(asOf, asOf, asOf));
        sql += query.where(criteria, "t.year BETWEEN ? AND ?");
        List<BookFigures> figures = new ArrayList<>();
        int first = groupBy.size() + 1;
        query.run(sql, rows -> {
            EntryPosition position = new EntryPosition(0, rows.getBigDecimal(first), rows.getBigDecimal(first + 1),
                    rows.getBigDecimal(first + 4), rows.getBigDecimal(first + 5), rows.getBigDecimal(first + 2), rows.getBoolean(first + 3));
            figures.add(new BookFigures(key(rows, groupBy.size()), position.pledgedUsd(), position.outstandingUsd(),
                    position.pledgedUsd().signum() > 0 ? 1 : 0));
        });
        return figures;
    }

    /** USD received per group, by the day received (up to {@code criteria.asOf()} when given). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomeFigures> income(List<FlowDimension> groupBy, Criteria criteria) {
        if (criteria.asOf() == null && !groupBy.contains(FlowDimension.MONTH) && !namesContributors(groupBy, criteria)) {
            Query query = new Query("t.year");
            String sql = "SELECT " + query.keys(groupBy) + "COALESCE(SUM(t.received_usd), 0) FROM flow_income_by_year t"
                    + query.where(criteria, "t.year BETWEEN ? AND ?") + query.groupBy(groupBy);
            List<IncomeFigures> figures = new ArrayList<>();
            query.run(sql, rows -> figures.add(new IncomeFigures(key(rows, groupBy.size()), rows.getBigDecimal(groupBy.size() + 1))));
            return figures;
        }
        Query query = new Query("EXTRACT(YEAR FROM t.day)");
        String years = "t.day BETWEEN make_date(?, 1, 1) AND make_date(?, 12, 31)";
        String where = query.where(criteria, years);
        if (criteria.asOf() != null) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + "t.day <= ?";
            query.parameters.add(Date.valueOf(criteria.asOf()));
        }
        String sql = "SELECT " + query.keys(groupBy) + "COALESCE(SUM(t.received_usd), 0)"
                + " FROM flow_income_by_day t LEFT JOIN contributor c ON c.code = t.contributor_code" + where + query.groupBy(groupBy);
        List<IncomeFigures> figures = new ArrayList<>();
        query.run(sql, rows -> figures.add(new IncomeFigures(key(rows, groupBy.size()), rows.getBigDecimal(groupBy.size() + 1))));
        return figures;
    }

    /** The names of contributors and programmes named in keys: public names only, never an individual's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> names(String table, Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        String sql = switch (table) {
            case "contributor" -> "SELECT code, name FROM contributor WHERE code = ANY(?) AND type <> 'INDIVIDUAL'";
            case "programme" -> "SELECT code, name FROM programme WHERE code = ANY(?)";
            default -> throw new IllegalArgumentException("No names in " + table);
        };
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        return names;
    }

    /**
     * Whether a flow needs each contributor: grouped or filtered by contributor or by contributor type. Any other
     * flow reads the summaries, which hold the same sums without the contributor.
     */
    private static boolean namesContributors(List<FlowDimension> groupBy, Criteria criteria) {
        Set<FlowDimension> contributors = Set.of(FlowDimension.CONTRIBUTOR, FlowDimension.CONTRIBUTOR_TYPE);
        return groupBy.stream().anyMatch(contributors::contains) || criteria.filters().keySet().stream().anyMatch(contributors::contains);
    }

    private static List<String> key(ResultSet rows, int size) throws SQLException {
        List<String> key = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            key.add(rows.getString(i));
        }
        return key;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /** One statement under construction: its key expressions, its filters and their parameters, in order. */
    private final class Query {

        private final String yearExpression;
        private final List<Object> parameters = new ArrayList<>();

        Query(String yearExpression) {
            this.yearExpression = yearExpression;
        }

        String keys(List<FlowDimension> groupBy) {
            StringBuilder keys = new StringBuilder();
            for (FlowDimension dimension : groupBy) {
                keys.append(expression(dimension)).append(", ");
            }
            return keys.toString();
        }

        String groupBy(List<FlowDimension> groupBy) {
            if (groupBy.isEmpty()) {
                return "";
            }
            StringBuilder positions = new StringBuilder(" GROUP BY ");
            for (int i = 1; i <= groupBy.size(); i++) {
                positions.append(i == 1 ? "" : ", ").append(i);
            }
            return positions.toString();
        }

        private String expression(FlowDimension dimension) {
            return switch (dimension) {
                case YEAR -> "CAST(CAST(" + yearExpression + " AS INTEGER) AS TEXT)";
                case MONTH -> "to_char(t.day, 'YYYY-MM')";
                case BUDGET_LINE -> "t.budget_line";
                case REGION -> "t.region";
                case EARMARKING -> "t.earmarking";
                case CONTRIBUTOR_TYPE -> "c.type";
                case CONTRIBUTOR -> "CASE WHEN c.code IS NULL THEN '" + UNIDENTIFIED + "' WHEN c.type = 'INDIVIDUAL' THEN '"
                        + INDIVIDUALS + "' ELSE t.contributor_code END";
                case PROGRAMME -> "NULLIF(t.programme_code, '')";
                case CHANNEL -> "t.channel";
                case MODALITY -> "t.modality";
                case CURRENCY -> "t.currency";
            };
        }

        String where(Criteria criteria, String yearRange) {
            List<String> conditions = new ArrayList<>();
            if (criteria.fromYear() != null) {
                conditions.add(yearRange);
                parameters.add(criteria.fromYear());
                parameters.add(criteria.toYear());
            }
            criteria.filters().forEach((dimension, values) -> {
                conditions.add(switch (dimension) {
                    case CONTRIBUTOR_TYPE -> "c.type = ANY(?)";
                    case CONTRIBUTOR -> "t.contributor_code = ANY(?) AND c.type <> 'INDIVIDUAL'";
                    case PROGRAMME -> "t.programme_code = ANY(?)";
                    case BUDGET_LINE, REGION, EARMARKING, CHANNEL, MODALITY, CURRENCY ->
                            expression(dimension) + " = ANY(?)";
                    case YEAR, MONTH -> throw new IllegalArgumentException(dimension + " is no code filter");
                });
                parameters.add(values.toArray(String[]::new));
            });
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        void run(String sql, RowReader reader) {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    Object parameter = parameters.get(i);
                    if (parameter instanceof String[] codes) {
                        select.setArray(i + 1, connection.createArrayOf("text", codes));
                    } else {
                        select.setObject(i + 1, parameter);
                    }
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
    }
}
