package org.unhabitat.contributions.mapping;

import org.unhabitat.contributions.api.PaymentDto;
import org.unhabitat.contributions.api.PledgeDto;
import org.unhabitat.contributions.api.PledgeVersionDto;
import org.unhabitat.contributions.domain.Money;
import org.unhabitat.contributions.domain.PledgeStatus;
import org.unhabitat.contributions.domain.YearBalance;
import org.unhabitat.contributions.messaging.events.PaymentRecordedV2;
import org.unhabitat.contributions.messaging.events.PledgeCancelledV1;
import org.unhabitat.contributions.messaging.events.PledgeCorrectedV2;
import org.unhabitat.contributions.messaging.events.PledgeRecordedV2;
import org.unhabitat.contributions.messaging.events.ScheduleEntryV2;
import org.unhabitat.contributions.repository.Payment;
import org.unhabitat.contributions.repository.Pledge;
import org.unhabitat.contributions.repository.PledgeVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Entities to DTOs and events; every amount leaves with its currency's minor units, USD with two decimals. */
public final class PledgeMapper {

    private static final BigDecimal ZERO_USD = Money.usd(BigDecimal.ZERO);

    /** What is paid towards each schedule year, in the pledge's currency. */
    public static Map<Integer, BigDecimal> paidByYear(Pledge pledge) {
        Map<Integer, BigDecimal> paid = new TreeMap<>();
        pledge.payments.forEach(payment -> paid.merge(payment.forYear, payment.amount, BigDecimal::add));
        return paid;
    }

    public static List<YearBalance> balances(Pledge pledge) {
        Map<Integer, BigDecimal> paid = paidByYear(pledge);
        return pledge.currentVersion().schedule.stream()
                .map(entry -> YearBalance.of(entry.scheduleYear, currency(entry.amount, pledge), entry.usdAmount,
                        currency(paid.getOrDefault(entry.scheduleYear, BigDecimal.ZERO), pledge), pledge.fxRate))
                .toList();
    }

    /** When each schedule year of the current version is due. */
    private static Map<Integer, LocalDate> dueDates(Pledge pledge) {
        Map<Integer, LocalDate> due = new TreeMap<>();
        pledge.currentVersion().schedule.forEach(entry -> due.put(entry.scheduleYear, entry.dueOn));
        return due;
    }

    public static PledgeDto toDto(Pledge pledge) {
        boolean cancelled = pledge.status == PledgeStatus.CANCELLED;
        BigDecimal zero = currency(BigDecimal.ZERO, pledge);
        Map<Integer, LocalDate> due = dueDates(pledge);
        List<PledgeDto.ScheduleEntryDto> schedule = balances(pledge).stream()
                .map(year -> new PledgeDto.ScheduleEntryDto(year.year(), year.amount(), year.usdAmount(), year.paid(),
                        cancelled ? zero : year.outstanding(), cancelled ? ZERO_USD : year.outstandingUsd(), due.get(year.year())))
                .toList();
        BigDecimal paid = pledge.payments.stream().map(payment -> payment.amount).reduce(zero, BigDecimal::add);
        BigDecimal paidUsd = pledge.payments.stream().map(payment -> payment.usdAmount).reduce(ZERO_USD, BigDecimal::add);
        BigDecimal outstanding = schedule.stream().map(PledgeDto.ScheduleEntryDto::outstanding).reduce(zero, BigDecimal::add);
        BigDecimal outstandingUsd = schedule.stream().map(PledgeDto.ScheduleEntryDto::outstandingUsd).reduce(ZERO_USD, BigDecimal::add);
        PledgeDto.CancellationDto cancellation = cancelled
                ? new PledgeDto.CancellationDto(pledge.cancellationReason, pledge.cancelledOn,
                currency(pledge.writtenOff, pledge), pledge.writtenOffUsd, pledge.cancelledAt)
                : null;
        return new PledgeDto(pledge.id, pledge.version, pledge.contributor.code, pledge.budgetLine.name(),
                pledge.earmarking.name(), pledge.region.name(), pledge.programmeCode, pledge.channel.name(),
                pledge.modality.name(), pledge.currency, currency(pledge.amount, pledge),
                Money.normalizedRate(pledge.fxRate), pledge.usdAmount, pledge.pledgedOn, pledge.reference,
                isMultiYear(pledge), schedule, pledge.status.name(), currency(paid, pledge), paidUsd, outstanding,
                outstandingUsd, cancellation, pledge.payments.stream().map(PledgeMapper::toDto).toList(), pledge.recordedAt);
    }

    public static PaymentDto toDto(Payment payment) {
        return new PaymentDto(payment.id, payment.pledge.id, payment.currency,
                Money.inCurrency(payment.amount, payment.currency), Money.normalizedRate(payment.fxRate),
                payment.usdAmount, payment.usdAtPledgeRate, payment.fxDifferenceUsd, payment.receivedOn, payment.forYear,
                payment.reference, payment.recordedAt);
    }

    public static PledgeVersionDto toDto(PledgeVersion version) {
        Pledge pledge = version.pledge;
        return new PledgeVersionDto(version.version, pledge.currency, currency(version.amount, pledge),
                Money.normalizedRate(pledge.fxRate), version.usdAmount,
                version.schedule.stream()
                        .map(entry -> new PledgeVersionDto.ScheduleEntry(entry.scheduleYear, currency(entry.amount, pledge),
                                entry.usdAmount, entry.dueOn))
                        .toList(),
                version.reason, version.recordedBy, version.recordedAt);
    }

    public static PledgeRecordedV2 toRecordedEvent(Pledge pledge) {
        return new PledgeRecordedV2(pledge.id, pledge.version, ContributorMapper.toRef(pledge.contributor),
                pledge.budgetLine.name(), pledge.earmarking.name(), pledge.region.name(), pledge.programmeCode,
                pledge.channel.name(), pledge.modality.name(), pledge.currency,
                currency(pledge.amount, pledge), Money.normalizedRate(pledge.fxRate), pledge.usdAmount, pledge.pledgedOn,
                scheduleEvent(pledge), isMultiYear(pledge), pledge.reference, pledge.recordedAt);
    }

    public static PledgeCorrectedV2 toCorrectedEvent(Pledge pledge) {
        PledgeVersion version = pledge.currentVersion();
        return new PledgeCorrectedV2(pledge.id, pledge.version, ContributorMapper.toRef(pledge.contributor),
                pledge.budgetLine.name(), pledge.earmarking.name(), pledge.region.name(), pledge.programmeCode,
                pledge.channel.name(), pledge.modality.name(), pledge.currency,
                currency(pledge.amount, pledge), Money.normalizedRate(pledge.fxRate), pledge.usdAmount, pledge.pledgedOn,
                scheduleEvent(pledge), isMultiYear(pledge), pledge.reference, pledge.recordedAt, version.reason,
                version.recordedAt);
    }

    public static PledgeCancelledV1 toCancelledEvent(Pledge pledge) {
        return new PledgeCancelledV1(pledge.id, pledge.version, pledge.cancellationReason, pledge.cancelledOn,
                currency(pledge.writtenOff, pledge), pledge.writtenOffUsd, pledge.cancelledAt);
    }

    public static PaymentRecordedV2 toRecordedEvent(Payment payment) {
        Pledge pledge = payment.pledge;
        return new PaymentRecordedV2(payment.id, pledge.id, ContributorMapper.toRef(pledge.contributor),
                pledge.budgetLine.name(), pledge.earmarking.name(), pledge.region.name(), pledge.programmeCode,
                pledge.channel.name(), pledge.modality.name(), payment.currency,
                Money.inCurrency(payment.amount, payment.currency), Money.normalizedRate(payment.fxRate), payment.usdAmount,
                Money.normalizedRate(pledge.fxRate), payment.usdAtPledgeRate, payment.fxDifferenceUsd, payment.receivedOn,
                payment.forYear, isMultiYear(pledge), payment.reference, payment.recordedAt);
    }

    private static List<ScheduleEntryV2> scheduleEvent(Pledge pledge) {
        return pledge.currentVersion().schedule.stream()
                .map(entry -> new ScheduleEntryV2(entry.scheduleYear, currency(entry.amount, pledge), entry.usdAmount, entry.dueOn))
                .toList();
    }

    private static boolean isMultiYear(Pledge pledge) {
        return pledge.currentVersion().schedule.size() > 1;
    }

    private static BigDecimal currency(BigDecimal amount, Pledge pledge) {
        return Money.inCurrency(amount, pledge.currency);
    }

    private PledgeMapper() {
    }
}
