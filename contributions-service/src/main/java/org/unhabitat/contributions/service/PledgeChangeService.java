package org.unhabitat.contributions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.api.CancellationRequest;
import org.unhabitat.contributions.api.CorrectionRequest;
import org.unhabitat.contributions.api.PaymentRequest;
import org.unhabitat.contributions.domain.Money;
import org.unhabitat.contributions.domain.PledgeStatus;
import org.unhabitat.contributions.domain.YearAmount;
import org.unhabitat.contributions.domain.YearBalance;
import org.unhabitat.contributions.mapping.PledgeMapper;
import org.unhabitat.contributions.repository.Payment;
import org.unhabitat.contributions.repository.Pledge;
import org.unhabitat.contributions.service.exception.DuplicatePaymentReferenceException;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.ConflictException;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.platform.problem.UnprocessableException;
import org.unhabitat.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What finance does to a recorded pledge: payments, corrections and cancellation. Each locks the
 * pledge row first, so that two payments cannot both fit into one outstanding balance.
 */
@ApplicationScoped
public class PledgeChangeService {

    private final IdempotencyService idempotency;
    private final ExchangeRateService rates;
    private final Outbox outbox;
    private final AuditTrail audit;

    public PledgeChangeService(IdempotencyService idempotency, ExchangeRateService rates, Outbox outbox, AuditTrail audit) {
        this.idempotency = idempotency;
        this.rates = rates;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public WriteReceipt recordPayment(Caller caller, UUID pledgeId, PaymentRequest request, String idempotencyKey) {
        return idempotency.once(caller, idempotencyKey, "payment.record " + pledgeId, request,
                () -> pay(caller, pledgeId, request));
    }

    @Transactional
    public WriteReceipt correct(Caller caller, UUID pledgeId, CorrectionRequest request, String idempotencyKey) {
        return idempotency.once(caller, idempotencyKey, "pledge.correct " + pledgeId, request,
                () -> applyCorrection(caller, pledgeId, request));
    }

    @Transactional
    public WriteReceipt cancel(Caller caller, UUID pledgeId, CancellationRequest request, String idempotencyKey) {
        return idempotency.once(caller, idempotencyKey, "pledge.cancel " + pledgeId, request,
                () -> applyCancellation(pledgeId, caller, request));
    }

    /**
     * Records a payment in the caller's transaction, with the rules, event and audit entry of {@link #recordPayment}:
     * a bulk import runs many of these in one transaction and keeps it only if every row passes.
     */
    IdempotencyService.Outcome pay(Caller caller, UUID pledgeId, PaymentRequest request) {
        Pledge pledge = lockedPledge(caller, pledgeId);
        List<FieldError> violations = new ArrayList<>();
        PledgeRules.checkNotFuture("receivedOn", request.receivedOn(), violations);
        boolean knownCurrency = PledgeRules.checkCurrency("currency", request.currency(), violations);
        if (knownCurrency) {
            PledgeRules.checkAmount("amount", request.amount(), request.currency(), violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        // A reference seen before means the same money sent again: say so before judging it as a new payment.
        if (request.reference() != null) {
            Optional<Payment> first = pledge.payments.stream().filter(payment -> request.reference().equals(payment.reference)).findFirst();
            if (first.isPresent()) {
                throw new DuplicatePaymentReferenceException(request.reference(), pledge.id, first.get().id);
            }
        }
        if (!pledge.currency.equals(request.currency())) {
            throw new UnprocessableException("currency", "The pledge is in " + pledge.currency + "; a payment in "
                    + request.currency() + " cannot settle it. Record the amount received in " + pledge.currency);
        }
        requireNotCancelled(pledge);
        List<YearBalance> balances = PledgeMapper.balances(pledge);
        YearBalance year = request.forYear() == null ? earliestUnpaid(balances) : scheduleYear(balances, request.forYear());
        if (request.amount().compareTo(year.outstanding()) > 0) {
            throw new UnprocessableException("amount", "Paying " + request.amount().toPlainString() + " " + pledge.currency
                    + " would exceed the outstanding balance of " + year.outstanding().toPlainString() + " for "
                    + year.year());
        }
        ExchangeRateService.AppliedRate rate = rates.rateFor(pledge.currency, request.receivedOn());
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.pledge = pledge;
        payment.currency = pledge.currency;
        payment.amount = request.amount();
        payment.fxRate = rate.unitsPerUsd();
        payment.fxRateRevision = rate.revision();
        payment.usdAmount = Money.toUsd(request.amount(), rate.unitsPerUsd());
        payment.usdAtPledgeRate = Money.toUsdOnTopOf(year.paid(), request.amount(), pledge.fxRate);
        payment.fxDifferenceUsd = payment.usdAmount.subtract(payment.usdAtPledgeRate);
        payment.receivedOn = request.receivedOn();
        payment.forYear = year.year();
        payment.reference = request.reference();
        payment.recordedBy = caller.subject();
        payment.recordedAt = now();
        payment.persist();
        pledge.payments.add(payment);
        pledge.status = PledgeStatus.of(paid(pledge), pledge.amount);
        outbox.append(PledgeMapper.toRecordedEvent(payment));
        audit.record("payment.recorded", "payment", payment.id.toString(), pledge.id.toString());
        return IdempotencyService.Outcome.created(payment.id.toString(), PledgeMapper.toDto(payment));
    }

    /** The currency and rate stay: a correction changes what was pledged, not when or in what. */
    private IdempotencyService.Outcome applyCorrection(Caller caller, UUID pledgeId, CorrectionRequest request) {
        Pledge pledge = lockedPledge(caller, pledgeId);
        List<FieldError> violations = new ArrayList<>();
        PledgeRules.checkAmount("amount", request.amount(), pledge.currency, violations);
        List<YearAmount> schedule = PledgeRules.schedule(request.amount(), pledge.currency, pledge.pledgedOn,
                request.schedule(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        requireNotCancelled(pledge);
        for (Map.Entry<Integer, BigDecimal> paid : PledgeMapper.paidByYear(pledge).entrySet()) {
            BigDecimal corrected = schedule.stream().filter(year -> year.year() == paid.getKey()).map(YearAmount::amount)
                    .findFirst().orElse(BigDecimal.ZERO);
            if (corrected.compareTo(paid.getValue()) < 0) {
                throw new UnprocessableException(Money.inCurrency(paid.getValue(), pledge.currency).toPlainString() + " "
                        + pledge.currency + " is already paid towards " + paid.getKey()
                        + "; the corrected schedule must keep at least that for the year");
            }
        }
        PledgeService.addVersion(pledge, request.amount(), schedule, request.reason().strip(), caller.subject(), now());
        outbox.append(PledgeMapper.toCorrectedEvent(pledge));
        audit.record("pledge.corrected", "pledge", pledge.id.toString(), pledge.id.toString());
        return IdempotencyService.Outcome.changed(PledgeMapper.toDto(pledge));
    }

    private IdempotencyService.Outcome applyCancellation(UUID pledgeId, Caller caller, CancellationRequest request) {
        Pledge pledge = lockedPledge(caller, pledgeId);
        LocalDate cancelledOn = Optional.ofNullable(request.cancelledOn()).orElse(LocalDate.now(ZoneOffset.UTC));
        List<FieldError> violations = new ArrayList<>();
        PledgeRules.checkNotFuture("cancelledOn", cancelledOn, violations);
        if (cancelledOn.isBefore(pledge.pledgedOn)) {
            violations.add(new FieldError("cancelledOn", "must not be before the pledge date"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        requireNotCancelled(pledge);
        if (pledge.status == PledgeStatus.PAID) {
            throw new ConflictException("The pledge is paid in full; there is nothing to write off");
        }
        List<YearBalance> balances = PledgeMapper.balances(pledge);
        pledge.writtenOff = balances.stream().map(YearBalance::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        pledge.writtenOffUsd = balances.stream().map(YearBalance::outstandingUsd).reduce(Money.usd(BigDecimal.ZERO), BigDecimal::add);
        pledge.cancellationReason = request.reason().strip();
        pledge.cancelledOn = cancelledOn;
        pledge.cancelledAt = now();
        pledge.status = PledgeStatus.CANCELLED;
        outbox.append(PledgeMapper.toCancelledEvent(pledge));
        audit.record("pledge.cancelled", "pledge", pledge.id.toString(), pledge.id.toString());
        return IdempotencyService.Outcome.changed(PledgeMapper.toDto(pledge));
    }

    private static Pledge lockedPledge(Caller caller, UUID pledgeId) {
        return Pledge.visibleTo(pledgeId, caller.contributorScope()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> new NoSuchResourceException("No pledge " + pledgeId));
    }

    private static void requireNotCancelled(Pledge pledge) {
        if (pledge.status == PledgeStatus.CANCELLED) {
            throw new ConflictException("The pledge was cancelled on " + pledge.cancelledOn);
        }
    }

    private static YearBalance earliestUnpaid(List<YearBalance> balances) {
        return balances.stream().filter(year -> year.outstanding().signum() > 0).findFirst()
                .orElseThrow(() -> new UnprocessableException("amount", "The pledge is paid in full; nothing is outstanding"));
    }

    private static YearBalance scheduleYear(List<YearBalance> balances, int year) {
        return balances.stream().filter(balance -> balance.year() == year).findFirst()
                .orElseThrow(() -> new UnprocessableException("forYear", year + " is not a year of the pledge's schedule"));
    }

    private static BigDecimal paid(Pledge pledge) {
        return pledge.payments.stream().map(payment -> payment.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
