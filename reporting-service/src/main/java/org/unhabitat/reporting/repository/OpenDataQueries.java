package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.unhabitat.reporting.domain.EntryPosition;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads behind the open-data files: the pledge book row by row, and yearly figures per line. */
@ApplicationScoped
public class OpenDataQueries {

    private final EntityManager entityManager;

    public OpenDataQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One schedule entry of a pledge with its contributor, as the pledge book stood on {@code asOf}. */
    public record PledgeEntryRow(UUID pledgeId, String contributorCode, String contributorName, String contributorType,
                                 String budgetLine, String earmarking, String region, String currency, LocalDate pledgedOn,
                                 BigDecimal paidUsd, EntryPosition position) {
    }

    public record YearLineFigure(int year, String budgetLine, BigDecimal amountUsd) {
    }

    /**
     * Schedule entries for {@code year} of pledges made by {@code asOf}, in pledge id order after
     * {@code afterPledgeId} (keyset pagination: stable while new pledges arrive, and as cheap on the
     * last page as on the first).
     */
    public List<PledgeEntryRow> pledgeEntries(int year, LocalDate asOf, UUID afterPledgeId, int limit) {
        Query query = entityManager.createNativeQuery("""
                        SELECT p.pledge_id, p.contributor_code, c.name, c.type, p.budget_line, p.earmarking, p.region,
                               p.currency, p.pledged_on, e.year, e.amount, e.usd_amount,
                               COALESCE(SUM(pay.amount), 0), COALESCE(SUM(pay.usd_at_pledge_rate), 0), COALESCE(SUM(pay.usd_amount), 0),
                               p.fx_rate, p.cancelled_on IS NOT NULL AND p.cancelled_on <= :asOf
                        FROM pledge_entry e
                        JOIN pledge p ON p.pledge_id = e.pledge_id
                        LEFT JOIN contributor c ON c.code = p.contributor_code
                        LEFT JOIN payment pay ON pay.pledge_id = e.pledge_id AND pay.for_year = e.year AND pay.received_on <= :asOf
                        WHERE e.year = :year AND p.pledged_on <= :asOf""" + (afterPledgeId == null ? "" : " AND e.pledge_id > :after") + """

                        GROUP BY p.pledge_id, c.name, c.type, e.year, e.amount, e.usd_amount
                        ORDER BY p.pledge_id
                        LIMIT :limit""")
                .setParameter("year", year)
                .setParameter("asOf", Date.valueOf(asOf))
                .setParameter("limit", limit);
        if (afterPledgeId != null) {
            query.setParameter("after", afterPledgeId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(OpenDataQueries::toEntryRow).toList();
    }

    /** The schedule years of pledges made by {@code asOf}, oldest first. */
    public List<Integer> pledgeYears(LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Number> years = entityManager.createNativeQuery("""
                        SELECT DISTINCT e.year FROM pledge_entry e JOIN pledge p ON p.pledge_id = e.pledge_id
                        WHERE p.pledged_on <= :asOf ORDER BY e.year""")
                .setParameter("asOf", Date.valueOf(asOf))
                .getResultList();
        return years.stream().map(Number::intValue).toList();
    }

    /** A programme as the activity file names it. */
    public record ProgrammeRow(String code, String name, String kind, int startYear) {
    }

    /**
     * An incoming transaction for the activity file: a pledge (the sum of its schedule, on the day pledged) or a
     * payment, with what it is for and who gave it. {@code programme} is null for money with no programme.
     */
    public record TransactionRow(boolean payment, LocalDate date, String currency, BigDecimal amount, String programme,
                                 String budgetLine, String contributorName, String contributorType, String iatiOrgRef) {
    }

    public List<ProgrammeRow> programmes() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT code, name, kind, start_year FROM programme ORDER BY code")
                .getResultList();
        return rows.stream().map(row -> new ProgrammeRow((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue())).toList();
    }

    /**
     * Pledges that stand (a cancelled pledge commits nothing any more; what was paid on it stays as funds received) and
     * every payment whose pledge is known, in date order.
     */
    public List<TransactionRow> iatiTransactions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT FALSE, p.pledged_on, p.currency, SUM(e.amount), p.programme_code, p.budget_line, c.name, c.type,
                               c.iati_org_ref, p.pledge_id
                        FROM pledge p JOIN pledge_entry e ON e.pledge_id = p.pledge_id
                        LEFT JOIN contributor c ON c.code = p.contributor_code
                        WHERE p.cancelled_on IS NULL
                        GROUP BY p.pledge_id, c.code
                        UNION ALL
                        SELECT TRUE, y.received_on, p.currency, y.amount, p.programme_code, p.budget_line, c.name, c.type,
                               c.iati_org_ref, y.payment_id
                        FROM payment y JOIN pledge p ON p.pledge_id = y.pledge_id
                        LEFT JOIN contributor c ON c.code = p.contributor_code
                        ORDER BY 2, 1, 10""")
                .getResultList();
        return rows.stream().map(row -> new TransactionRow((Boolean) row[0], toLocalDate(row[1]),
                ((String) row[2]).trim(), (BigDecimal) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                (String) row[8])).toList();
    }

    /** A region's programme targets for a year and line. */
    public record RegionLineFigure(String region, YearLineFigure figure) {
    }

    /** The targets of programmes tied to a region, summed per region, year and line. */
    public List<RegionLineFigure> regionalProgrammeTargets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.region, t.year, p.budget_line, SUM(t.amount_usd) FROM programme_target t
                        JOIN programme p ON p.code = t.programme WHERE p.region IS NOT NULL
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .getResultList();
        return rows.stream().map(row -> new RegionLineFigure((String) row[0],
                new YearLineFigure(((Number) row[1]).intValue(), (String) row[2], (BigDecimal) row[3]))).toList();
    }

    /** Every year's income target per line, oldest year first. */
    public List<YearLineFigure> annualTargets() {
        return yearLineFigures("SELECT year, budget_line, amount_usd FROM annual_target ORDER BY year, budget_line");
    }

    /** Income received per calendar year and line, counted by the day each payment was received. */
    public List<YearLineFigure> incomeByYear() {
        return yearLineFigures("""
                SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER), budget_line, SUM(received_usd) FROM line_income_by_day
                GROUP BY 1, 2 ORDER BY 1, 2""");
    }

    /** When the read model last changed, to the second: the latest event applied, of any kind. */
    public Optional<Instant> lastChange() {
        Object latest = entityManager.createNativeQuery(
                "SELECT CAST(FLOOR(EXTRACT(EPOCH FROM MAX(applied_at))) AS BIGINT) FROM inbox_event").getSingleResult();
        return Optional.ofNullable((Number) latest).map(seconds -> Instant.ofEpochSecond(seconds.longValue()));
    }

    private List<YearLineFigure> yearLineFigures(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).getResultList();
        return rows.stream()
                .map(row -> new YearLineFigure(((Number) row[0]).intValue(), (String) row[1], (BigDecimal) row[2]))
                .toList();
    }

    private static PledgeEntryRow toEntryRow(Object[] row) {
        EntryPosition position = new EntryPosition(((Number) row[9]).intValue(), (BigDecimal) row[10], (BigDecimal) row[11],
                (BigDecimal) row[12], (BigDecimal) row[13], (BigDecimal) row[15], (Boolean) row[16]);
        return new PledgeEntryRow((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], ((String) row[7]).trim(), toLocalDate(row[8]), (BigDecimal) row[14], position);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
