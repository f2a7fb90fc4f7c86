package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import java.util.function.Function;

/**
 * The pledge book and the income aggregates, read and written a batch of events at a time: the rows a
 * batch touches are loaded once, and each is written once. Pledges, schedules and payments, thousands in a
 * replay, go in one set-based statement per table; the aggregates, a few rows per batch, in JDBC batches.
 * Callers hold the transaction.
 *
 * <p>A batch's ids are joined as an unnested array rather than matched with {@code = ANY}: right after a
 * rebuild's TRUNCATE the planner believes the tables empty and scans them, and a scan that compares every
 * row with every id grows with their product.
 */
@ApplicationScoped
public class PledgeBookRepository {

    /** Counts every payment recorded so far: the pledge book as it stands now. */
    public static final LocalDate NOW = LocalDate.of(9999, 12, 31);

    /** A pledge's latest state; {@code programme} is null for money with no programme. */
    public record PledgeRow(UUID pledgeId, int version, String contributorCode, String budgetLine, String earmarking,
                            String region, String programme, String channel, String modality, String currency,
                            BigDecimal fxRate, BigDecimal usdAmount, LocalDate pledgedOn, boolean multiYear,
                            LocalDate cancelledOn) {

        public PledgeRow cancelled(int atVersion, LocalDate on) {
            return new PledgeRow(pledgeId, Math.max(version, atVersion), contributorCode, budgetLine, earmarking, region, programme,
                    channel, modality, currency, fxRate, usdAmount, pledgedOn, multiYear, on);
        }
    }

    public record EntryRow(int year, BigDecimal amount, BigDecimal usdAmount, LocalDate dueOn) {
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

    /**
     * The finest grain of the pledge book: a schedule year and everything a flow can be filtered or grouped
     * by; {@code programme} is empty for money with no programme.
     */
    public record BookKey(int year, String budgetLine, String region, String earmarking, String contributorCode,
                          String programme, String channel, String modality, String currency) {

        static final Comparator<BookKey> ORDER = Comparator.comparingInt(BookKey::year).thenComparing(BookKey::budgetLine)
                .thenComparing(BookKey::region).thenComparing(BookKey::earmarking).thenComparing(BookKey::contributorCode)
                .thenComparing(BookKey::programme).thenComparing(BookKey::channel).thenComparing(BookKey::modality)
                .thenComparing(BookKey::currency);
    }

    /** A change to the pledged and outstanding USD, and to the number of schedule entries, under one key. */
    public record BookChange(BigDecimal pledgedUsd, BigDecimal outstandingUsd, long entries) {

        public BookChange plus(BookChange other) {
            return new BookChange(pledgedUsd.add(other.pledgedUsd), outstandingUsd.add(other.outstandingUsd), entries + other.entries);
        }

        public boolean isZero() {
            return pledgedUsd.signum() == 0 && outstandingUsd.signum() == 0 && entries == 0;
        }
    }

    public record LineDay(LocalDate day, String budgetLine) {
    }

    private record LineYear(int year, String budgetLine) {
    }

    public record LineIncome(BigDecimal receivedUsd, BigDecimal priorYearUsd) {

        public LineIncome plus(LineIncome other) {
            return new LineIncome(receivedUsd.add(other.receivedUsd), priorYearUsd.add(other.priorYearUsd));
        }
    }

    public record IncomeKey(LocalDate day, String budgetLine, String region, String earmarking, boolean multiYear,
                            String contributorCode) {
    }

    /** Income's finest grain for flows; {@code programme} is empty for money with no programme. */
    public record FlowIncomeKey(LocalDate day, String budgetLine, String region, String earmarking, String contributorCode,
                                String programme, String channel, String modality, String currency) {

        static final Comparator<FlowIncomeKey> ORDER = Comparator.comparing(FlowIncomeKey::day)
                .thenComparing(FlowIncomeKey::budgetLine).thenComparing(FlowIncomeKey::region)
                .thenComparing(FlowIncomeKey::earmarking).thenComparing(FlowIncomeKey::contributorCode)
                .thenComparing(FlowIncomeKey::programme).thenComparing(FlowIncomeKey::channel)
                .thenComparing(FlowIncomeKey::modality).thenComparing(FlowIncomeKey::currency);
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
                    SELECT p.pledge_id, p.version, p.contributor_code, p.budget_line, p.earmarking, p.region, p.programme_code,
                           p.channel, p.modality, p.currency, p.fx_rate, p.usd_amount, p.pledged_on, p.multi_year, p.cancelled_on
                    FROM unnest(?::uuid[]) AS wanted (id) JOIN pledge p ON p.pledge_id = wanted.id
                    ORDER BY p.pledge_id FOR UPDATE OF p""")) {
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        PledgeRow pledge = new PledgeRow(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                                rows.getString(9), rows.getString(10).trim(), rows.getBigDecimal(11), rows.getBigDecimal(12),
                                rows.getObject(13, LocalDate.class), rows.getBoolean(14), rows.getObject(15, LocalDate.class));
                        pledges.put(pledge.pledgeId(), pledge);
                    }
                }
            }
            if (!pledges.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT e.pledge_id, e.year, e.amount, e.usd_amount, e.due_on
                        FROM unnest(?::uuid[]) AS wanted (id) JOIN pledge_entry e ON e.pledge_id = wanted.id""")) {
                    select.setArray(1, connection.createArrayOf("uuid", pledges.keySet().toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            entries.computeIfAbsent(rows.getObject(1, UUID.class), id -> new TreeMap<>())
                                    .put(rows.getInt(2), new EntryRow(rows.getInt(2), rows.getBigDecimal(3), rows.getBigDecimal(4),
                                            rows.getObject(5, LocalDate.class)));
                        }
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT y.pledge_id, y.for_year, SUM(y.amount), SUM(y.usd_at_pledge_rate)
                    FROM unnest(?::uuid[]) AS wanted (id) JOIN payment y ON y.pledge_id = wanted.id
                    GROUP BY y.pledge_id, y.for_year""")) {
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        paid.computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashMap<>())
                                .put(rows.getInt(2), new Paid(rows.getBigDecimal(3), rows.getBigDecimal(4)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT c.pledge_id, c.version, c.cancelled_on
                    FROM unnest(?::uuid[]) AS wanted (id) JOIN pledge_cancellation c ON c.pledge_id = wanted.id""")) {
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
                        "SELECT y.payment_id FROM unnest(?::uuid[]) AS wanted (id) JOIN payment y ON y.payment_id = wanted.id")) {
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
                        INSERT INTO pledge (pledge_id, version, contributor_code, budget_line, earmarking, region, programme_code,
                                            channel, modality, currency, fx_rate, usd_amount, pledged_on, multi_year, cancelled_on)
                        SELECT id, version, contributor, line, earmarking, region, programme, channel, modality, currency,
                               CAST(rate AS NUMERIC), CAST(usd AS NUMERIC), CAST(pledged_on AS DATE), multi_year,
                               CAST(cancelled_on AS DATE)
                        FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])
                             AS row (id, version, contributor, line, earmarking, region, programme, channel, modality, currency,
                                     rate, usd, pledged_on, multi_year, cancelled_on)
                        ON CONFLICT (pledge_id) DO UPDATE SET version = excluded.version,
                            contributor_code = excluded.contributor_code, budget_line = excluded.budget_line,
                            earmarking = excluded.earmarking, region = excluded.region,
                            programme_code = excluded.programme_code, channel = excluded.channel,
                            modality = excluded.modality, currency = excluded.currency,
                            fx_rate = excluded.fx_rate, usd_amount = excluded.usd_amount, pledged_on = excluded.pledged_on,
                            multi_year = excluded.multi_year, cancelled_on = excluded.cancelled_on""")) {
                    List<PledgeRow> rows = List.copyOf(pledges);
                    upsert.setArray(1, connection.createArrayOf("uuid", column(rows, PledgeRow::pledgeId)));
                    upsert.setArray(2, connection.createArrayOf("int4", column(rows, PledgeRow::version)));
                    upsert.setArray(3, connection.createArrayOf("text", column(rows, PledgeRow::contributorCode)));
                    upsert.setArray(4, connection.createArrayOf("text", column(rows, PledgeRow::budgetLine)));
                    upsert.setArray(5, connection.createArrayOf("text", column(rows, PledgeRow::earmarking)));
                    upsert.setArray(6, connection.createArrayOf("text", column(rows, PledgeRow::region)));
                    upsert.setArray(7, connection.createArrayOf("text", column(rows, PledgeRow::programme)));
                    upsert.setArray(8, connection.createArrayOf("text", column(rows, PledgeRow::channel)));
                    upsert.setArray(9, connection.createArrayOf("text", column(rows, PledgeRow::modality)));
                    upsert.setArray(10, connection.createArrayOf("text", column(rows, PledgeRow::currency)));
                    upsert.setArray(11, connection.createArrayOf("text", column(rows, pledge -> pledge.fxRate().toPlainString())));
                    upsert.setArray(12, connection.createArrayOf("text", column(rows, pledge -> pledge.usdAmount().toPlainString())));
                    upsert.setArray(13, connection.createArrayOf("text", column(rows, pledge -> pledge.pledgedOn().toString())));
                    upsert.setArray(14, connection.createArrayOf("bool", column(rows, PledgeRow::multiYear)));
                    upsert.setArray(15, connection.createArrayOf("text", column(rows, pledge -> pledge.cancelledOn() == null
                            ? null : pledge.cancelledOn().toString())));
                    upsert.executeUpdate();
                }
            }
            if (!hadSchedule.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM pledge_entry e USING unnest(?::uuid[]) AS gone (id) WHERE e.pledge_id = gone.id")) {
                    delete.setArray(1, connection.createArrayOf("uuid", hadSchedule.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!schedules.isEmpty()) {
                List<UUID> ids = new ArrayList<>();
                List<EntryRow> entries = new ArrayList<>();
                schedules.forEach((pledgeId, schedule) -> schedule.forEach(entry -> {
                    ids.add(pledgeId);
                    entries.add(entry);
                }));
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO pledge_entry (pledge_id, year, amount, usd_amount, due_on)
                        SELECT id, year, CAST(amount AS NUMERIC), CAST(usd AS NUMERIC), CAST(due_on AS DATE)
                        FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[]) AS row (id, year, amount, usd, due_on)""")) {
                    insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                    insert.setArray(2, connection.createArrayOf("int4", column(entries, EntryRow::year)));
                    insert.setArray(3, connection.createArrayOf("text", column(entries, entry -> entry.amount().toPlainString())));
                    insert.setArray(4, connection.createArrayOf("text", column(entries, entry -> entry.usdAmount().toPlainString())));
                    insert.setArray(5, connection.createArrayOf("text", column(entries, entry -> entry.dueOn().toString())));
                    insert.executeUpdate();
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
                     SELECT id, pledge, CAST(amount AS NUMERIC), CAST(usd AS NUMERIC), CAST(usd_at_pledge_rate AS NUMERIC),
                            CAST(received_on AS DATE), for_year
                     FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                          AS row (id, pledge, amount, usd, usd_at_pledge_rate, received_on, for_year)""")) {
            insert.setArray(1, connection.createArrayOf("uuid", column(payments, PaymentRow::paymentId)));
            insert.setArray(2, connection.createArrayOf("uuid", column(payments, PaymentRow::pledgeId)));
            insert.setArray(3, connection.createArrayOf("text", column(payments, payment -> payment.amount().toPlainString())));
            insert.setArray(4, connection.createArrayOf("text", column(payments, payment -> payment.usdAmount().toPlainString())));
            insert.setArray(5, connection.createArrayOf("text", column(payments, payment -> payment.usdAtPledgeRate().toPlainString())));
            insert.setArray(6, connection.createArrayOf("text", column(payments, payment -> payment.receivedOn().toString())));
            insert.setArray(7, connection.createArrayOf("int4", column(payments, PaymentRow::forYear)));
            insert.executeUpdate();
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
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM pledge_cancellation c USING unnest(?::uuid[]) AS gone (id) WHERE c.pledge_id = gone.id")) {
                    delete.setArray(1, connection.createArrayOf("uuid", applied.toArray()));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Adds each change to the flow book under its key, and to the pledge book under its year and line, in key
     * order so that concurrent writers lock rows alike. A correction that moves money to another key leaves
     * the old key at zero; flows leave such keys out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addToPledgeBook(Map<BookKey, BookChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        TreeMap<BookKey, BookChange> ordered = new TreeMap<>(BookKey.ORDER);
        ordered.putAll(changes);
        Map<YearLine, BookChange> byLine = new TreeMap<>(Comparator.comparingInt(YearLine::year).thenComparing(YearLine::budgetLine));
        ordered.forEach((key, change) -> byLine.merge(new YearLine(key.year(), key.budgetLine()), change, BookChange::plus));
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO pledge_book (year, budget_line, pledged_usd, outstanding_usd) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year, budget_line) DO UPDATE SET
                        pledged_usd = pledge_book.pledged_usd + excluded.pledged_usd,
                        outstanding_usd = pledge_book.outstanding_usd + excluded.outstanding_usd""")) {
                for (Map.Entry<YearLine, BookChange> change : byLine.entrySet()) {
                    upsert.setInt(1, change.getKey().year());
                    upsert.setString(2, change.getKey().budgetLine());
                    upsert.setBigDecimal(3, change.getValue().pledgedUsd());
                    upsert.setBigDecimal(4, change.getValue().outstandingUsd());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO flow_book (year, budget_line, region, earmarking, contributor_code, programme_code, channel,
                                           modality, currency, pledged_usd, outstanding_usd, entry_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (year, budget_line, region, earmarking, contributor_code, programme_code, channel, modality,
                                 currency) DO UPDATE SET
                        pledged_usd = flow_book.pledged_usd + excluded.pledged_usd,
                        outstanding_usd = flow_book.outstanding_usd + excluded.outstanding_usd,
                        entry_count = flow_book.entry_count + excluded.entry_count""")) {
                for (Map.Entry<BookKey, BookChange> change : ordered.entrySet()) {
                    BookKey key = change.getKey();
                    upsert.setInt(1, key.year());
                    upsert.setString(2, key.budgetLine());
                    upsert.setString(3, key.region());
                    upsert.setString(4, key.earmarking());
                    upsert.setString(5, key.contributorCode());
                    upsert.setString(6, key.programme());
                    upsert.setString(7, key.channel());
                    upsert.setString(8, key.modality());
                    upsert.setString(9, key.currency());
                    upsert.setBigDecimal(10, change.getValue().pledgedUsd());
                    upsert.setBigDecimal(11, change.getValue().outstandingUsd());
                    upsert.setLong(12, change.getValue().entries());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            Map<BookKey, BookChange> summary = new TreeMap<>(BookKey.ORDER);
            ordered.forEach((key, change) -> summary.merge(withoutContributor(key.year(), key), change, BookChange::plus));
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO flow_book_summary (year, budget_line, region, earmarking, programme_code, channel, modality,
                                                   currency, pledged_usd, outstanding_usd, entry_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (year, budget_line, region, earmarking, programme_code, channel, modality, currency) DO UPDATE SET
                        pledged_usd = flow_book_summary.pledged_usd + excluded.pledged_usd,
                        outstanding_usd = flow_book_summary.outstanding_usd + excluded.outstanding_usd,
                        entry_count = flow_book_summary.entry_count + excluded.entry_count""")) {
                for (Map.Entry<BookKey, BookChange> change : summary.entrySet()) {
                    setSummaryKey(upsert, change.getKey());
                    upsert.setBigDecimal(9, change.getValue().pledgedUsd());
                    upsert.setBigDecimal(10, change.getValue().outstandingUsd());
                    upsert.setLong(11, change.getValue().entries());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private record YearLine(int year, String budgetLine) {
    }

    /** The key of the contributor-less summaries, in the order their rows are locked. */
    private static BookKey withoutContributor(int year, BookKey key) {
        return new BookKey(year, key.budgetLine(), key.region(), key.earmarking(), "", key.programme(), key.channel(),
                key.modality(), key.currency());
    }

    private static void setSummaryKey(PreparedStatement upsert, BookKey key) throws SQLException {
        upsert.setInt(1, key.year());
        upsert.setString(2, key.budgetLine());
        upsert.setString(3, key.region());
        upsert.setString(4, key.earmarking());
        upsert.setString(5, key.programme());
        upsert.setString(6, key.channel());
        upsert.setString(7, key.modality());
        upsert.setString(8, key.currency());
    }

    /**
     * Adds income per day and line, and per year and line; per day, line, region, earmarking, agreement length and contributor; and
     * at the grain of flows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addIncome(Map<LineDay, LineIncome> byLine, Map<IncomeKey, BigDecimal> byContributor,
                          Map<FlowIncomeKey, BigDecimal> byFlow) {
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
                    INSERT INTO line_income_by_year (year, budget_line, received_usd, prior_year_usd) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year, budget_line) DO UPDATE SET
                        received_usd = line_income_by_year.received_usd + excluded.received_usd,
                        prior_year_usd = line_income_by_year.prior_year_usd + excluded.prior_year_usd""")) {
                TreeMap<LineYear, LineIncome> byYear = new TreeMap<>(Comparator.comparing(LineYear::year).thenComparing(LineYear::budgetLine));
                byLine.forEach((lineDay, income) ->
                        byYear.merge(new LineYear(lineDay.day().getYear(), lineDay.budgetLine()), income, LineIncome::plus));
                for (Map.Entry<LineYear, LineIncome> income : byYear.entrySet()) {
                    upsert.setInt(1, income.getKey().year());
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
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO flow_income_by_day (day, budget_line, region, earmarking, contributor_code, programme_code,
                                                    channel, modality, currency, received_usd)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (day, budget_line, region, earmarking, contributor_code, programme_code, channel, modality,
                                 currency) DO UPDATE SET received_usd = flow_income_by_day.received_usd + excluded.received_usd""")) {
                TreeMap<FlowIncomeKey, BigDecimal> ordered = new TreeMap<>(FlowIncomeKey.ORDER);
                ordered.putAll(byFlow);
                for (Map.Entry<FlowIncomeKey, BigDecimal> income : ordered.entrySet()) {
                    FlowIncomeKey key = income.getKey();
                    upsert.setDate(1, Date.valueOf(key.day()));
                    upsert.setString(2, key.budgetLine());
                    upsert.setString(3, key.region());
                    upsert.setString(4, key.earmarking());
                    upsert.setString(5, key.contributorCode());
                    upsert.setString(6, key.programme());
                    upsert.setString(7, key.channel());
                    upsert.setString(8, key.modality());
                    upsert.setString(9, key.currency());
                    upsert.setBigDecimal(10, income.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            Map<BookKey, BigDecimal> byYear = new TreeMap<>(BookKey.ORDER);
            byFlow.forEach((key, usd) -> byYear.merge(withoutContributor(key.day().getYear(), new BookKey(0, key.budgetLine(),
                    key.region(), key.earmarking(), key.contributorCode(), key.programme(), key.channel(), key.modality(),
                    key.currency())), usd, BigDecimal::add));
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO flow_income_by_year (year, budget_line, region, earmarking, programme_code, channel, modality,
                                                     currency, received_usd)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (year, budget_line, region, earmarking, programme_code, channel, modality, currency) DO UPDATE SET
                        received_usd = flow_income_by_year.received_usd + excluded.received_usd""")) {
                for (Map.Entry<BookKey, BigDecimal> income : byYear.entrySet()) {
                    setSummaryKey(upsert, income.getKey());
                    upsert.setBigDecimal(9, income.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * One column of a batch's rows, for a set-based statement that unnests it: one statement per table and
     * batch, rather than one per row. Exact decimals and dates travel as text and are cast in SQL.
     */
    private static <T> Object[] column(List<T> rows, Function<T, ?> value) {
        Object[] column = new Object[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }
}
