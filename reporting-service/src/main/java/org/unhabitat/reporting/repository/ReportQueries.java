package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.unhabitat.reporting.domain.EntryPosition;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads of the read model. Income comes from the per-day aggregates, so its cost grows with the
 * number of days and contributors, never with the number of pledges or payments.
 */
@ApplicationScoped
public class ReportQueries {

    private final EntityManager entityManager;

    public ReportQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record LineIncome(String budgetLine, BigDecimal receivedUsd, BigDecimal priorYearUsd) {
    }

    public record LineFigure(String budgetLine, BigDecimal amountUsd) {
    }

    public record LinePledges(String budgetLine, BigDecimal pledgedUsd, BigDecimal outstandingUsd) {
    }

    public record ContributorIncome(String code, String name, String type, BigDecimal receivedUsd) {
    }

    public record KeyedIncome(String key, BigDecimal receivedUsd) {
    }

    public record LinePosition(String budgetLine, EntryPosition position) {
    }

    /** Whole calendar years are read a row per year and line; any other period, a row per day and line. */
    public List<LineIncome> incomeByLine(LocalDate from, LocalDate to) {
        if (from.getDayOfYear() == 1 && to.plusDays(1).getDayOfYear() == 1) {
            @SuppressWarnings("unchecked")
            List<Object[]> result = entityManager.createNativeQuery("""
                            SELECT budget_line, SUM(received_usd), SUM(prior_year_usd) FROM line_income_by_year
                            WHERE year BETWEEN :from AND :to GROUP BY budget_line""")
                    .setParameter("from", from.getYear())
                    .setParameter("to", to.getYear())
                    .getResultList();
            return result.stream().map(row -> new LineIncome((String) row[0], (BigDecimal) row[1], (BigDecimal) row[2])).toList();
        }
        return rows("""
                SELECT budget_line, SUM(received_usd), SUM(prior_year_usd) FROM line_income_by_day
                WHERE day BETWEEN :from AND :to GROUP BY budget_line""", from, to)
                .map(row -> new LineIncome((String) row[0], (BigDecimal) row[1], (BigDecimal) row[2])).toList();
    }

    /** Income per calendar month ("2021-03") between two days, optionally for one line. */
    public List<KeyedIncome> incomeByMonth(LocalDate from, LocalDate to, String budgetLine) {
        return rows("""
                SELECT to_char(day, 'YYYY-MM'), SUM(received_usd) FROM line_income_by_day
                WHERE day BETWEEN :from AND :to""" + lineFilter(budgetLine, "budget_line") + " GROUP BY 1", from, to, budgetLine)
                .map(row -> new KeyedIncome((String) row[0], (BigDecimal) row[1])).toList();
    }

    public List<KeyedIncome> incomeByEarmarking(LocalDate from, LocalDate to) {
        return keyedIncome("SELECT earmarking, SUM(received_usd) FROM income_by_day WHERE day BETWEEN :from AND :to GROUP BY 1",
                from, to);
    }

    /** Keyed "true" for multi-year agreements and "false" for the others. */
    public List<KeyedIncome> incomeByMultiYear(LocalDate from, LocalDate to) {
        return keyedIncome("""
                SELECT CAST(multi_year AS VARCHAR), SUM(received_usd) FROM income_by_day WHERE day BETWEEN :from AND :to
                GROUP BY 1""", from, to);
    }

    public List<KeyedIncome> incomeByContributorType(LocalDate from, LocalDate to) {
        return rows("""
                SELECT c.type, SUM(i.received_usd) FROM income_by_day i JOIN contributor c ON c.code = i.contributor_code
                WHERE i.day BETWEEN :from AND :to GROUP BY c.type""", from, to)
                .map(row -> new KeyedIncome((String) row[0], (BigDecimal) row[1])).toList();
    }

    /**
     * Income per contributor between two days, optionally for one line. A contributor whose own event has
     * not arrived yet has no name or type here: the payments' copies of them are not kept.
     */
    public List<ContributorIncome> incomeByContributor(LocalDate from, LocalDate to, String budgetLine) {
        return rows("""
                SELECT i.contributor_code, c.name, c.type, SUM(i.received_usd) FROM income_by_day i
                LEFT JOIN contributor c ON c.code = i.contributor_code
                WHERE i.day BETWEEN :from AND :to""" + lineFilter(budgetLine, "i.budget_line")
                + " GROUP BY i.contributor_code, c.name, c.type", from, to, budgetLine)
                .map(row -> new ContributorIncome((String) row[0], (String) row[1], (String) row[2], (BigDecimal) row[3])).toList();
    }

    /**
     * Per year from {@code fromYear}, each contributor's income to one line, counting payments up to {@code asOf};
     * individual donors together under {@code individualsCode}, and contributors not known yet (who may be
     * individuals) together under {@code unidentifiedCode}.
     */
    public List<Object[]> lineIncomeByContributorAndYear(String budgetLine, int fromYear, LocalDate asOf, String individualsCode,
                                                         String unidentifiedCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = entityManager.createNativeQuery("""
                        SELECT CASE WHEN c.code IS NULL THEN :unidentified WHEN c.type = 'INDIVIDUAL' THEN :individuals
                                    ELSE i.contributor_code END,
                               CAST(EXTRACT(YEAR FROM i.day) AS INTEGER), SUM(i.received_usd)
                        FROM income_by_day i LEFT JOIN contributor c ON c.code = i.contributor_code
                        WHERE i.budget_line = :line AND i.day >= :from AND i.day <= :asOf GROUP BY 1, 2""")
                .setParameter("individuals", individualsCode)
                .setParameter("unidentified", unidentifiedCode)
                .setParameter("line", budgetLine)
                .setParameter("from", Date.valueOf(LocalDate.of(fromYear, 1, 1)))
                .setParameter("asOf", Date.valueOf(asOf))
                .getResultList();
        return result;
    }

    public long memberStatesWithIncome(LocalDate from, LocalDate to) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT COUNT(DISTINCT c.code) FROM income_by_day i JOIN contributor c ON c.code = i.contributor_code
                        WHERE i.day BETWEEN :from AND :to AND c.type = 'MEMBER_STATE' AND i.received_usd > 0""")
                .setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to))
                .getSingleResult()).longValue();
    }

    /** The pledge book as it stands now: precomputed per year and line. */
    public List<LinePledges> pledgeBook(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = entityManager.createNativeQuery(
                        "SELECT budget_line, pledged_usd, outstanding_usd FROM pledge_book WHERE year = :year")
                .setParameter("year", year).getResultList();
        return result.stream().map(row -> new LinePledges((String) row[0], (BigDecimal) row[1], (BigDecimal) row[2])).toList();
    }

    /** The pledge book as it stood on {@code asOf}: pledges made by then, payments received by then. */
    public List<LinePosition> pledgePositionsAsOf(int year, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = entityManager.createNativeQuery("""
                        SELECT p.budget_line, e.year, e.amount, e.usd_amount,
                               COALESCE(SUM(pay.amount), 0), COALESCE(SUM(pay.usd_at_pledge_rate), 0),
                               p.fx_rate, p.cancelled_on IS NOT NULL AND p.cancelled_on <= :asOf
                        FROM pledge_entry e
                        JOIN pledge p ON p.pledge_id = e.pledge_id
                        LEFT JOIN payment pay ON pay.pledge_id = e.pledge_id AND pay.for_year = e.year AND pay.received_on <= :asOf
                        WHERE e.year = :year AND p.pledged_on <= :asOf
                        GROUP BY p.pledge_id, p.budget_line, e.year, e.amount, e.usd_amount, p.fx_rate, p.cancelled_on""")
                .setParameter("year", year)
                .setParameter("asOf", Date.valueOf(asOf))
                .getResultList();
        return result.stream().map(row -> new LinePosition((String) row[0], new EntryPosition(((Number) row[1]).intValue(),
                (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5], (BigDecimal) row[6],
                (Boolean) row[7]))).toList();
    }

    public List<LineFigure> annualTargets(int year) {
        return figures("SELECT budget_line, amount_usd FROM annual_target WHERE year = :year", year);
    }

    public List<LineFigure> approvedBudgets(int year) {
        return figures("SELECT budget_line, amount_usd FROM approved_budget WHERE year = :year", year);
    }

    private List<LineFigure> figures(String sql, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = entityManager.createNativeQuery(sql).setParameter("year", year).getResultList();
        return result.stream().map(row -> new LineFigure((String) row[0], (BigDecimal) row[1])).toList();
    }

    private List<KeyedIncome> keyedIncome(String sql, LocalDate from, LocalDate to) {
        return rows(sql, from, to).map(row -> new KeyedIncome((String) row[0], (BigDecimal) row[1])).toList();
    }

    private static String lineFilter(String budgetLine, String column) {
        return budgetLine == null ? "" : " AND " + column + " = :line";
    }

    private Stream<Object[]> rows(String sql, LocalDate from, LocalDate to) {
        return rows(sql, from, to, null);
    }

    private Stream<Object[]> rows(String sql, LocalDate from, LocalDate to, String budgetLine) {
        Query query = entityManager.createNativeQuery(sql)
                .setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to));
        if (budgetLine != null) {
            query.setParameter("line", budgetLine);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        return result.stream();
    }
}
