package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The pledge book and the income aggregates, read and written a batch of events at a time: the rows a
 * batch touches are loaded once, and each is written once, in a JDBC batch. Callers hold the transaction.
 */
@ApplicationScoped
public class PledgeBookRepository {

    /** Counts every payment recorded so far: the pledge book as it stands now. */
    public static final LocalDate NOW = LocalDate.of(9999, 12, 31);

    public record PledgeRow(UUID pledgeId, int version, String contributorCode, String budgetLine, String earmarking,
                            String region, String currency, BigDecimal fxRate, BigDecimal usdAmount, LocalDate pledgedOn,
                            boolean multiYear, LocalDate cancelledOn) {
    }

    public record EntryRow(int year, BigDecimal amount, BigDecimal usdAmount) {
    }

    /** What has been paid towards one schedule year, in the pledge's currency and in USD at the pledge's rate. */
    public record Paid(BigDecimal amount, BigDecimal usdAtPledgeRate) {

        public static final Paid NOTHING = new Paid(BigDecimal.ZERO, BigDecimal.ZERO);

        public Paid plus(Paid other) {
            return new Paid(amount.add(other.amount), usdAtPledgeRate.add(other.usdAtPledgeRate));
        }
    }

    public record PendingCancellation(UUID pledgeId, int version, LocalDate cancelledOn) {
    }

    public record PaymentRow(UUID paymentId, UUID pledgeId, BigDecimal amount, BigDecimal usdAmount, BigDecimal usdAtPledgeRate,
                             LocalDate receivedOn, int forYear) {
    }

    /** Everything the pledge book holds about some pledges, loaded at once; the pledges stay locked. */
    public record Loaded(Map<UUID, PledgeRow> pledges, Map<UUID, SortedMap<Integer, EntryRow>> entries,
                         Map<UUID, Map<Integer, Paid>> paid, Map<UUID, PendingCancellation> cancellations,
                         Set<UUID> knownPayments) {
    }

    public record BookKey(int year, String budgetLine) {
    }

    /** A change to the pledged and outstanding USD of one year and line. */
    public record BookChange(BigDecimal pledgedUsd, BigDecimal outstandingUsd) {

        public BookChange plus(BookChange other) {
            return new BookChange(pledgedUsd.add(other.pledgedUsd), outstandingUsd.add(other.outstandingUsd));
        }

        public boolean isZero() {
            return pledgedUsd.signum() == 0 && outstandingUsd.signum() == 0;
        }
    }

    public record LineDay(LocalDate day, String budgetLine) {
    }

    public record LineIncome(BigDecimal receivedUsd, BigDecimal priorYearUsd) {

        public LineIncome plus(LineIncome other) {
            return new LineIncome(receivedUsd.add(other.receivedUsd), priorYearUsd.add(other.priorYearUsd));
        }
    }

    public record IncomeKey(LocalDate day, String budgetLine, String region, String earmarking, boolean multiYear,
                            String contributorCode) {
    }

    private final DataSource dataSource;

    public PledgeBookRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The pledges, their schedules, what has been paid towards each year, cancellations waiting for their
     * pledge, and which of {@code paymentIds} are recorded already. The pledge rows are locked, so that a
     * redrive and the consumer never interleave on one pledge.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Loaded load(Collection<UUID> pledgeIds, Collection<UUID> paymentIds) {
        Map<UUID, PledgeRow> pledges = new HashMap<>();
        Map<UUID, SortedMap<Integer, EntryRow>> entries = new HashMap<>();
        Map<UUID, Map<Integer, Paid>> paid = new HashMap<>();
        Map<UUID, PendingCancellation> cancellations = new HashMap<>();
        Set<UUID> knownPayments = new HashSet<>();
        if (pledgeIds.isEmpty()) {
            return new Loaded(pledges, entries, paid, cancellations, knownPayments);
        }
        try (Connection connection = dataSource.getConnection()) {
            Array ids = connection.createArrayOf("uuid", pledgeIds.stream().sorted().toArray());
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT pledge_id, version, contributor_code, budget_line, earmarking, region, currency, fx_rate,
                           usd_amount, pledged_on, multi_year, cancelled_on
                    FROM pledge WHERE pledge_id = ANY(?) ORDER BY pledge_id FOR UPDATE""")) {
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        PledgeRow pledge = new PledgeRow(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7).trim(),
                                rows.getBigDecimal(8), rows.getBigDecimal(9), rows.getObject(10, LocalDate.class),
                                rows.getBoolean(11), rows.getObject(12, LocalDate.class));
                        pledges.put(pledge.pledgeId(), pledge);
                    }
                }
            }
            if (!pledges.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT pledge_id, year, amount, usd_amount FROM pledge_entry WHERE pledge_id = ANY(?)")) {
                    select.setArray(1, connection.createArrayOf("uuid", pledges.keySet().toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            entries.computeIfAbsent(rows.getObject(1, UUID.class), id -> new TreeMap<>())
                                    .put(rows.getInt(2), new EntryRow(rows.getInt(2), rows.getBigDecimal(3), rows.getBigDecimal(4)));
                        }
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT pledge_id, for_year, SUM(amount), SUM(usd_at_pledge_rate) FROM payment
                    WHERE pledge_id = ANY(?) GROUP BY pledge_id, for_year""")) {
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        paid.computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashMap<>())
                                .put(rows.getInt(2), new Paid(rows.getBigDecimal(3), rows.getBigDecimal(4)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT pledge_id, version, cancelled_on FROM pledge_cancellation WHERE pledge_id = ANY(?)")) {
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        PendingCancellation cancellation = new PendingCancellation(rows.getObject(1, UUID.class), rows.getInt(2),
                                rows.getObject(3, LocalDate.class));
                        cancellations.put(cancellation.pledgeId(), cancellation);
                    }
                }
            }
            if (!paymentIds.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT payment_id FROM payment WHERE payment_id = ANY(?)")) {
                    select.setArray(1, connection.createArrayOf("uuid", paymentIds.toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            knownPayments.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            }
            return new Loaded(pledges, entries, paid, cancellations, knownPayments);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Writes pledges in their final state of the batch, and replaces the schedules of those in
     * {@code schedules}; pledges in {@code hadSchedule} lose their old schedule first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void savePledges(Collection<PledgeRow> pledges, Map<UUID, ? extends Collection<EntryRow>> schedules,
                            Collection<UUID> hadSchedule) {
        try (Connection connection = dataSource.getConnection()) {
            if (!pledges.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO pledge (pledge_id, version, contributor_code, budget_line, earmarking, region, currency,
                                            fx_rate, usd_amount, pledged_on, multi_year, cancelled_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (pledge_id) DO UPDATE SET version = excluded.version,
                            contributor_code = excluded.contributor_code, budget_line = excluded.budget_line,
                            earmarking = excluded.earmarking, region = excluded.region, currency = excluded.currency,
                            fx_rate = excluded.fx_rate, usd_amount = excluded.usd_amount, pledged_on = excluded.pledged_on,
                            multi_year = excluded.multi_year, cancelled_on = excluded.cancelled_on""")) {
                    for (PledgeRow pledge : pledges) {
                        upsert.setObject(1, pledge.pledgeId());
                        upsert.setInt(2, pledge.version());
                        upsert.setString(3, pledge.contributorCode());
                        upsert.setString(4, pledge.budgetLine());
                        upsert.setString(5, pledge.earmarking());
                        upsert.setString(6, pledge.region());
                        upsert.setString(7, pledge.currency());
                        upsert.setBigDecimal(8, pledge.fxRate());
                        upsert.setBigDecimal(9, pledge.usdAmount());
                        upsert.setDate(10, Date.valueOf(pledge.pledgedOn()));
                        upsert.setBoolean(11, pledge.multiYear());
                        upsert.setDate(12, pledge.cancelledOn() == null ? null : Date.valueOf(pledge.cancelledOn()));
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            }
            if (!hadSchedule.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pledge_entry WHERE pledge_id = ANY(?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", hadSchedule.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!schedules.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO pledge_entry (pledge_id, year, amount, usd_amount) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<UUID, ? extends Collection<EntryRow>> schedule : schedules.entrySet()) {
                        for (EntryRow entry : schedule.getValue()) {
                            insert.setObject(1, schedule.getKey());
                            insert.setInt(2, entry.year());
                            insert.setBigDecimal(3, entry.amount());
                            insert.setBigDecimal(4, entry.usdAmount());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insertPayments(List<PaymentRow> payments) {
        if (payments.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO payment (payment_id, pledge_id, amount, usd_amount, usd_at_pledge_rate, received_on, for_year)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (PaymentRow payment : payments) {
                insert.setObject(1, payment.paymentId());
                insert.setObject(2, payment.pledgeId());
                insert.setBigDecimal(3, payment.amount());
                insert.setBigDecimal(4, payment.usdAmount());
                insert.setBigDecimal(5, payment.usdAtPledgeRate());
                insert.setDate(6, Date.valueOf(payment.receivedOn()));
                insert.setInt(7, payment.forYear());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Keeps cancellations whose pledge is not known yet, and forgets those whose pledge has now arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveCancellations(Collection<PendingCancellation> waiting, Collection<UUID> applied) {
        try (Connection connection = dataSource.getConnection()) {
            if (!waiting.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO pledge_cancellation (pledge_id, version, cancelled_on) VALUES (?, ?, ?)
                        ON CONFLICT (pledge_id) DO UPDATE SET version = excluded.version, cancelled_on = excluded.cancelled_on""")) {
                    for (PendingCancellation cancellation : waiting) {
                        upsert.setObject(1, cancellation.pledgeId());
                        upsert.setInt(2, cancellation.version());
                        upsert.setDate(3, Date.valueOf(cancellation.cancelledOn()));
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            }
            if (!applied.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pledge_cancellation WHERE pledge_id = ANY(?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", applied.toArray()));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Adds each change to its year and line, in key order so that concurrent writers lock rows alike. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addToPledgeBook(Map<BookKey, BookChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO pledge_book (year, budget_line, pledged_usd, outstanding_usd) VALUES (?, ?, ?, ?)
                     ON CONFLICT (year, budget_line) DO UPDATE SET
                         pledged_usd = pledge_book.pledged_usd + excluded.pledged_usd,
                         outstanding_usd = pledge_book.outstanding_usd + excluded.outstanding_usd""")) {
            TreeMap<BookKey, BookChange> ordered = new TreeMap<>(
                    Comparator.comparingInt(BookKey::year).thenComparing(BookKey::budgetLine));
            ordered.putAll(changes);
            for (Map.Entry<BookKey, BookChange> change : ordered.entrySet()) {
                upsert.setInt(1, change.getKey().year());
                upsert.setString(2, change.getKey().budgetLine());
                upsert.setBigDecimal(3, change.getValue().pledgedUsd());
                upsert.setBigDecimal(4, change.getValue().outstandingUsd());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Adds income per day and line, and per day, line, region, earmarking, agreement length and contributor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addIncome(Map<LineDay, LineIncome> byLine, Map<IncomeKey, BigDecimal> byContributor) {
        if (byLine.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO line_income_by_day (day, budget_line, received_usd, prior_year_usd) VALUES (?, ?, ?, ?)
                    ON CONFLICT (day, budget_line) DO UPDATE SET
                        received_usd = line_income_by_day.received_usd + excluded.received_usd,
                        prior_year_usd = line_income_by_day.prior_year_usd + excluded.prior_year_usd""")) {
                TreeMap<LineDay, LineIncome> ordered = new TreeMap<>(
                        Comparator.comparing(LineDay::day).thenComparing(LineDay::budgetLine));
                ordered.putAll(byLine);
                for (Map.Entry<LineDay, LineIncome> income : ordered.entrySet()) {
                    upsert.setDate(1, Date.valueOf(income.getKey().day()));
                    upsert.setString(2, income.getKey().budgetLine());
                    upsert.setBigDecimal(3, income.getValue().receivedUsd());
                    upsert.setBigDecimal(4, income.getValue().priorYearUsd());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO income_by_day (day, budget_line, region, earmarking, multi_year, contributor_code, received_usd)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (day, budget_line, region, earmarking, multi_year, contributor_code) DO UPDATE SET
                        received_usd = income_by_day.received_usd + excluded.received_usd""")) {
                TreeMap<IncomeKey, BigDecimal> ordered = new TreeMap<>(Comparator.comparing(IncomeKey::day)
                        .thenComparing(IncomeKey::budgetLine).thenComparing(IncomeKey::region).thenComparing(IncomeKey::earmarking)
                        .thenComparing(IncomeKey::multiYear).thenComparing(IncomeKey::contributorCode));
                ordered.putAll(byContributor);
                for (Map.Entry<IncomeKey, BigDecimal> income : ordered.entrySet()) {
                    IncomeKey key = income.getKey();
                    upsert.setDate(1, Date.valueOf(key.day()));
                    upsert.setString(2, key.budgetLine());
                    upsert.setString(3, key.region());
                    upsert.setString(4, key.earmarking());
                    upsert.setBoolean(5, key.multiYear());
                    upsert.setString(6, key.contributorCode());
                    upsert.setBigDecimal(7, income.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
