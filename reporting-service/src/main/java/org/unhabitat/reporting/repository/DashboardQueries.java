package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads only the dashboard needs: which day its figures reach, pledges by region, and partners' names. */
@ApplicationScoped
public class DashboardQueries {

    private final EntityManager entityManager;

    public DashboardQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record RegionPledges(String region, BigDecimal pledgedUsd) {
    }

    /** The last day with income received between two days, if any. */
    public Optional<LocalDate> lastIncomeDay(LocalDate from, LocalDate to) {
        LocalDate day = (LocalDate) entityManager.createNativeQuery("""
                        SELECT MAX(day) FROM line_income_by_day WHERE day BETWEEN :from AND :to AND received_usd > 0""")
                .setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to))
                .getSingleResult();
        return Optional.ofNullable(day);
    }

    /** The USD scheduled for a year by each region's pledges made by {@code asOf}, less those cancelled by then. */
    public List<RegionPledges> pledgedByRegion(int year, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.region, SUM(e.usd_amount) FROM pledge_entry e JOIN pledge p ON p.pledge_id = e.pledge_id
                        WHERE e.year = :year AND p.pledged_on <= :asOf AND (p.cancelled_on IS NULL OR p.cancelled_on > :asOf)
                        GROUP BY p.region""")
                .setParameter("year", year)
                .setParameter("asOf", Date.valueOf(asOf))
                .getResultList();
        return rows.stream().map(row -> new RegionPledges((String) row[0], (BigDecimal) row[1])).toList();
    }

    /** Names of the known contributors among {@code codes}. */
    public Map<String, String> contributorNames(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT code, name FROM contributor WHERE code IN (:codes)")
                .setParameter("codes", codes)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }
}
