package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.domain.EntryPosition;
import org.unhabitat.reporting.messaging.events.DecodedRecord.Applicable;
import org.unhabitat.reporting.messaging.events.PaymentRecordedV2;
import org.unhabitat.reporting.messaging.events.PledgeCancelledV1;
import org.unhabitat.reporting.messaging.events.PledgeStateV2;
import org.unhabitat.reporting.repository.PledgeBookRepository;
import org.unhabitat.reporting.repository.PledgeBookRepository.BookChange;
import org.unhabitat.reporting.repository.PledgeBookRepository.BookKey;
import org.unhabitat.reporting.repository.PledgeBookRepository.EntryRow;
import org.unhabitat.reporting.repository.PledgeBookRepository.FlowIncomeKey;
import org.unhabitat.reporting.repository.PledgeBookRepository.IncomeKey;
import org.unhabitat.reporting.repository.PledgeBookRepository.LineDay;
import org.unhabitat.reporting.repository.PledgeBookRepository.LineIncome;
import org.unhabitat.reporting.repository.PledgeBookRepository.Loaded;
import org.unhabitat.reporting.repository.PledgeBookRepository.Paid;
import org.unhabitat.reporting.repository.PledgeBookRepository.PaymentRow;
import org.unhabitat.reporting.repository.PledgeBookRepository.PendingCancellation;
import org.unhabitat.reporting.repository.PledgeBookRepository.PledgeRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The pledge book's share of a batch: pledges recorded and corrected, cancellations and payments. The
 * pledges a batch touches are loaded once and their events folded in order; the book then moves by the
 * exact difference between each pledge's positions before and after, and every row is written once.
 *
 * <p>Effects do not depend on the order in which a pledge's events arrive: a payment counts as income at
 * once and settles the pledge once it is known, a cancellation waits for its pledge, and a correction only
 * wins if its version is newer. A payment already known under another event id is not counted twice.
 */
@ApplicationScoped
public class PledgeBookUpdate {

    private final PledgeBookRepository repository;

    public PledgeBookUpdate(PledgeBookRepository repository) {
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Applicable> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<UUID> pledgeIds = new LinkedHashSet<>();
        Set<UUID> paymentIds = new HashSet<>();
        for (Applicable event : events) {
            pledgeIds.add(pledgeIdOf(event.payload()));
            if (event.payload() instanceof PaymentRecordedV2 payment) {
                paymentIds.add(payment.paymentId());
            }
        }
        Loaded loaded = repository.load(pledgeIds, paymentIds);
        Map<UUID, Account> accounts = new LinkedHashMap<>();
        for (UUID pledgeId : pledgeIds) {
            accounts.put(pledgeId, new Account(loaded.pledges().get(pledgeId),
                    loaded.entries().getOrDefault(pledgeId, new TreeMap<>()),
                    loaded.paid().getOrDefault(pledgeId, Map.of()), loaded.cancellations().get(pledgeId)));
        }
        Map<BookKey, BookChange> book = new HashMap<>();
        accounts.values().forEach(account -> account.positionsNow(book, -1));

        Set<UUID> knownPayments = new HashSet<>(loaded.knownPayments());
        List<PaymentRow> payments = new ArrayList<>();
        Map<LineDay, LineIncome> lineIncome = new HashMap<>();
        Map<IncomeKey, BigDecimal> contributorIncome = new HashMap<>();
        Map<FlowIncomeKey, BigDecimal> flowIncome = new HashMap<>();
        for (Applicable event : events) {
            Account account = accounts.get(pledgeIdOf(event.payload()));
            if (event.payload() instanceof PledgeStateV2 pledge) {
                account.state(pledge);
            } else if (event.payload() instanceof PledgeCancelledV1 cancellation) {
                account.cancel(new PendingCancellation(cancellation.pledgeId(), cancellation.version(), cancellation.cancelledOn()));
            } else if (event.payload() instanceof PaymentRecordedV2 payment && knownPayments.add(payment.paymentId())) {
                account.pay(payment);
                payments.add(new PaymentRow(payment.paymentId(), payment.pledgeId(), payment.amount(), payment.usdAmount(),
                        payment.usdAtPledgeRate(), payment.receivedOn(), payment.forYear()));
                BigDecimal priorYear = payment.settlesPriorYear() ? payment.usdAmount() : BigDecimal.ZERO;
                lineIncome.merge(new LineDay(payment.receivedOn(), payment.budgetLine()),
                        new LineIncome(payment.usdAmount(), priorYear), LineIncome::plus);
                contributorIncome.merge(new IncomeKey(payment.receivedOn(), payment.budgetLine(), payment.region(),
                        payment.earmarking(), payment.multiYear(), payment.contributor().code()), payment.usdAmount(), BigDecimal::add);
                flowIncome.merge(new FlowIncomeKey(payment.receivedOn(), payment.budgetLine(), payment.region(), payment.earmarking(),
                        payment.contributor().code(), keyOf(payment.programme()), payment.channel(), payment.modality(),
                        payment.currency()), payment.usdAmount(), BigDecimal::add);
            }
        }
        accounts.values().forEach(account -> account.positionsNow(book, 1));
        book.values().removeIf(BookChange::isZero);

        List<PledgeRow> changedPledges = new ArrayList<>();
        Map<UUID, List<EntryRow>> schedules = new LinkedHashMap<>();
        List<UUID> hadSchedule = new ArrayList<>();
        List<PendingCancellation> waiting = new ArrayList<>();
        List<UUID> cancellationsApplied = new ArrayList<>();
        accounts.forEach((pledgeId, account) -> {
            if (account.pledgeChanged) {
                changedPledges.add(account.pledge);
            }
            if (account.scheduleReplaced) {
                schedules.put(pledgeId, List.copyOf(account.entries.values()));
                if (account.loadedWithSchedule) {
                    hadSchedule.add(pledgeId);
                }
            }
            if (account.cancellationWaits) {
                waiting.add(account.waitingCancellation);
            }
            if (account.waitingCancellationApplied) {
                cancellationsApplied.add(pledgeId);
            }
        });
        repository.savePledges(changedPledges, schedules, hadSchedule);
        repository.insertPayments(payments);
        repository.saveCancellations(waiting, cancellationsApplied);
        repository.addToPledgeBook(book);
        repository.addIncome(lineIncome, contributorIncome, flowIncome);
    }

    /** No programme is part of the aggregates' keys as an empty code. */
    private static String keyOf(String programme) {
        return programme == null ? "" : programme;
    }

    private static UUID pledgeIdOf(Object payload) {
        if (payload instanceof PledgeStateV2 pledge) {
            return pledge.pledgeId();
        }
        if (payload instanceof PledgeCancelledV1 cancellation) {
            return cancellation.pledgeId();
        }
        if (payload instanceof PaymentRecordedV2 payment) {
            return payment.pledgeId();
        }
        throw new IllegalArgumentException("Not an event of the pledge book: " + payload);
    }

    /** One pledge while a batch is folded: its state, schedule and payments, and what changed. */
    private static final class Account {

        private PledgeRow pledge;
        private SortedMap<Integer, EntryRow> entries;
        private final Map<Integer, Paid> paid;
        private PendingCancellation waitingCancellation;
        private final boolean loadedWithSchedule;
        private boolean pledgeChanged;
        private boolean scheduleReplaced;
        private boolean cancellationWaits;
        private boolean waitingCancellationApplied;

        Account(PledgeRow pledge, SortedMap<Integer, EntryRow> entries, Map<Integer, Paid> paid, PendingCancellation waiting) {
            this.pledge = pledge;
            this.entries = entries;
            this.paid = new HashMap<>(paid);
            this.waitingCancellation = waiting;
            this.loadedWithSchedule = !entries.isEmpty();
        }

        /** A recorded or corrected pledge: its complete state replaces an older version's figures; a cancellation stays. */
        void state(PledgeStateV2 event) {
            if (pledge != null && pledge.version() >= event.version()) {
                return;
            }
            LocalDate cancelledOn = pledge == null ? null : pledge.cancelledOn();
            pledge = new PledgeRow(event.pledgeId(), event.version(), event.contributor().code(), event.budgetLine(),
                    event.earmarking(), event.region(), event.programme(), event.channel(), event.modality(), event.currency(),
                    event.fxRate(), event.usdAmount(), event.pledgedOn(), event.multiYear(), cancelledOn);
            SortedMap<Integer, EntryRow> schedule = new TreeMap<>();
            event.schedule().forEach(entry -> schedule.put(entry.year(),
                    new EntryRow(entry.year(), entry.amount(), entry.usdAmount(), entry.dueOn())));
            entries = schedule;
            pledgeChanged = true;
            scheduleReplaced = true;
            if (waitingCancellation != null) {
                PendingCancellation cancellation = waitingCancellation;
                waitingCancellation = null;
                cancellationWaits = false;
                waitingCancellationApplied = true;
                cancel(cancellation);
            }
        }

        /** Cancels a known pledge; keeps the cancellation of one not known yet until it arrives. */
        void cancel(PendingCancellation cancellation) {
            if (pledge == null) {
                waitingCancellation = cancellation;
                cancellationWaits = true;
                return;
            }
            pledge = pledge.cancelled(cancellation.version(), cancellation.cancelledOn());
            pledgeChanged = true;
        }

        void pay(PaymentRecordedV2 payment) {
            paid.merge(payment.forYear(), new Paid(payment.amount(), payment.usdAtPledgeRate()), Paid::plus);
        }

        /**
         * Adds (sign 1) or takes away (sign -1) what this pledge now puts into the book. An entry counts as a
         * pledge while it pledges anything: a cancelled pledge with nothing paid towards a year is not one there.
         */
        void positionsNow(Map<BookKey, BookChange> book, int sign) {
            if (pledge == null) {
                return;
            }
            boolean cancelled = pledge.cancelledOn() != null;
            for (EntryRow entry : entries.values()) {
                Paid towards = paid.getOrDefault(entry.year(), Paid.NOTHING);
                EntryPosition position = new EntryPosition(entry.year(), entry.amount(), entry.usdAmount(), towards.amount(),
                        towards.usdAtPledgeRate(), pledge.fxRate(), cancelled);
                long counted = position.pledgedUsd().signum() > 0 ? 1 : 0;
                BookChange change = sign > 0 ? new BookChange(position.pledgedUsd(), position.outstandingUsd(), counted)
                        : new BookChange(position.pledgedUsd().negate(), position.outstandingUsd().negate(), -counted);
                book.merge(new BookKey(entry.year(), pledge.budgetLine(), pledge.region(), pledge.earmarking(),
                        pledge.contributorCode(), keyOf(pledge.programme()), pledge.channel(), pledge.modality(), pledge.currency()),
                        change, BookChange::plus);
            }
        }
    }
}
