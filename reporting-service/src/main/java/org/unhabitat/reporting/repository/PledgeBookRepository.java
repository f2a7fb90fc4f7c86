package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.unhabitat.reporting.domain.EntryPosition;
import org.unhabitat.reporting.messaging.events.ContributorRef;
import org.unhabitat.reporting.messaging.events.PaymentRecordedV1;
import org.unhabitat.reporting.messaging.events.PledgeStateV1;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes of the pledge book and of the income aggregates; callers hold the transaction. */
@ApplicationScoped
public class PledgeBookRepository {

    /** Counts every payment recorded so far: the pledge book as it stands now. */
    public static final LocalDate NOW = LocalDate.of(9999, 12, 31);

    private final EntityManager entityManager;

    public PledgeBookRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void upsertContributor(ContributorRef contributor) {
        entityManager.createNativeQuery("""
                        INSERT INTO contributor (code, name, type, country) VALUES (:code, :name, :type, :country)
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country""")
                .setParameter("code", contributor.code())
                .setParameter("name", contributor.name())
                .setParameter("type", contributor.type())
                .setParameter("country", contributor.country())
                .executeUpdate();
    }

    /** Sends what the session holds, so that a native query sees the writes before it. */
    public void flush() {
        entityManager.flush();
    }

    public Optional<Integer> pledgeVersion(UUID pledgeId) {
        List<?> versions = entityManager.createNativeQuery("SELECT version FROM pledge WHERE pledge_id = :id FOR UPDATE")
                .setParameter("id", pledgeId).getResultList();
        return versions.stream().findFirst().map(version -> ((Number) version).intValue());
    }

    public String budgetLineOf(UUID pledgeId) {
        return (String) entityManager.createNativeQuery("SELECT budget_line FROM pledge WHERE pledge_id = :id")
                .setParameter("id", pledgeId).getSingleResult();
    }

    /** Replaces the pledge's state and schedule; a cancellation already recorded is kept. */
    public void replacePledge(PledgeStateV1 pledge) {
        entityManager.createNativeQuery("""
                        INSERT INTO pledge (pledge_id, version, contributor_code, budget_line, earmarking, region, currency,
                                            fx_rate, usd_amount, pledged_on, multi_year)
                        VALUES (:id, :version, :contributor, :line, :earmarking, :region, :currency, :rate, :usd, :pledgedOn, :multiYear)
                        ON CONFLICT (pledge_id) DO UPDATE SET version = excluded.version,
                            contributor_code = excluded.contributor_code, budget_line = excluded.budget_line,
                            earmarking = excluded.earmarking, region = excluded.region, currency = excluded.currency,
                            fx_rate = excluded.fx_rate, usd_amount = excluded.usd_amount, pledged_on = excluded.pledged_on,
                            multi_year = excluded.multi_year""")
                .setParameter("id", pledge.pledgeId())
                .setParameter("version", pledge.version())
                .setParameter("contributor", pledge.contributor().code())
                .setParameter("line", pledge.budgetLine())
                .setParameter("earmarking", pledge.earmarking())
                .setParameter("region", pledge.region())
                .setParameter("currency", pledge.currency())
                .setParameter("rate", pledge.fxRate())
                .setParameter("usd", pledge.usdAmount())
                .setParameter("pledgedOn", Date.valueOf(pledge.pledgedOn()))
                .setParameter("multiYear", pledge.multiYear())
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM pledge_entry WHERE pledge_id = :id")
                .setParameter("id", pledge.pledgeId()).executeUpdate();
        for (PledgeStateV1.ScheduleEntry entry : pledge.schedule()) {
            entityManager.createNativeQuery("""
                            INSERT INTO pledge_entry (pledge_id, year, amount, usd_amount) VALUES (:id, :year, :amount, :usd)""")
                    .setParameter("id", pledge.pledgeId())
                    .setParameter("year", entry.year())
                    .setParameter("amount", entry.amount())
                    .setParameter("usd", entry.usdAmount())
                    .executeUpdate();
        }
    }

    public void markCancelled(UUID pledgeId, int version, LocalDate cancelledOn) {
        entityManager.createNativeQuery("UPDATE pledge SET cancelled_on = :on, version = :version WHERE pledge_id = :id")
                .setParameter("on", Date.valueOf(cancelledOn))
                .setParameter("version", version)
                .setParameter("id", pledgeId)
                .executeUpdate();
    }

    public boolean paymentExists(UUID paymentId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM payment WHERE payment_id = :id")
                .setParameter("id", paymentId).getResultList().isEmpty();
    }

    public void insertPayment(PaymentRecordedV1 payment) {
        entityManager.createNativeQuery("""
                        INSERT INTO payment (payment_id, pledge_id, amount, usd_amount, usd_at_pledge_rate, received_on, for_year)
                        VALUES (:id, :pledge, :amount, :usd, :usdAtPledgeRate, :receivedOn, :forYear)""")
                .setParameter("id", payment.paymentId())
                .setParameter("pledge", payment.pledgeId())
                .setParameter("amount", payment.amount())
                .setParameter("usd", payment.usdAmount())
                .setParameter("usdAtPledgeRate", payment.usdAtPledgeRate())
                .setParameter("receivedOn", Date.valueOf(payment.receivedOn()))
                .setParameter("forYear", payment.forYear())
                .executeUpdate();
    }

    /** Each schedule year of the pledge with what has been paid towards it, counting payments received up to {@code asOf}. */
    public List<EntryPosition> positions(UUID pledgeId, LocalDate asOf) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT e.year, e.amount, e.usd_amount,
                               COALESCE(SUM(pay.amount), 0), COALESCE(SUM(pay.usd_at_pledge_rate), 0),
                               p.fx_rate, p.cancelled_on IS NOT NULL AND p.cancelled_on <= :asOf
                        FROM pledge_entry e
                        JOIN pledge p ON p.pledge_id = e.pledge_id
                        LEFT JOIN payment pay ON pay.pledge_id = e.pledge_id AND pay.for_year = e.year AND pay.received_on <= :asOf
                        WHERE e.pledge_id = :id
                        GROUP BY e.year, e.amount, e.usd_amount, p.fx_rate, p.cancelled_on""")
                .setParameter("id", pledgeId)
                .setParameter("asOf", Date.valueOf(asOf))
                .getResultList();
        return rows.stream().map(row -> toPosition((Object[]) row)).toList();
    }

    public void addToPledgeBook(int year, String budgetLine, BigDecimal pledgedUsd, BigDecimal outstandingUsd) {
        entityManager.createNativeQuery("""
                        INSERT INTO pledge_book (year, budget_line, pledged_usd, outstanding_usd) VALUES (:year, :line, :pledged, :outstanding)
                        ON CONFLICT (year, budget_line) DO UPDATE SET
                            pledged_usd = pledge_book.pledged_usd + excluded.pledged_usd,
                            outstanding_usd = pledge_book.outstanding_usd + excluded.outstanding_usd""")
                .setParameter("year", year)
                .setParameter("line", budgetLine)
                .setParameter("pledged", pledgedUsd)
                .setParameter("outstanding", outstandingUsd)
                .executeUpdate();
    }

    public void addIncome(PaymentRecordedV1 payment) {
        BigDecimal priorYear = payment.settlesPriorYear() ? payment.usdAmount() : BigDecimal.ZERO;
        entityManager.createNativeQuery("""
                        INSERT INTO line_income_by_day (day, budget_line, received_usd, prior_year_usd) VALUES (:day, :line, :usd, :prior)
                        ON CONFLICT (day, budget_line) DO UPDATE SET
                            received_usd = line_income_by_day.received_usd + excluded.received_usd,
                            prior_year_usd = line_income_by_day.prior_year_usd + excluded.prior_year_usd""")
                .setParameter("day", Date.valueOf(payment.receivedOn()))
                .setParameter("line", payment.budgetLine())
                .setParameter("usd", payment.usdAmount())
                .setParameter("prior", priorYear)
                .executeUpdate();
        entityManager.createNativeQuery("""
                        INSERT INTO income_by_day (day, budget_line, region, earmarking, multi_year, contributor_code, received_usd)
                        VALUES (:day, :line, :region, :earmarking, :multiYear, :contributor, :usd)
                        ON CONFLICT (day, budget_line, region, earmarking, multi_year, contributor_code) DO UPDATE SET
                            received_usd = income_by_day.received_usd + excluded.received_usd""")
                .setParameter("day", Date.valueOf(payment.receivedOn()))
                .setParameter("line", payment.budgetLine())
                .setParameter("region", payment.region())
                .setParameter("earmarking", payment.earmarking())
                .setParameter("multiYear", payment.multiYear())
                .setParameter("contributor", payment.contributor().code())
                .setParameter("usd", payment.usdAmount())
                .executeUpdate();
    }

    private static EntryPosition toPosition(Object[] row) {
        return new EntryPosition(((Number) row[0]).intValue(), (BigDecimal) row[1], (BigDecimal) row[2],
                (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5], (Boolean) row[6]);
    }
}
