package org.unhabitat.contributions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.api.ExchangeRateDto;
import org.unhabitat.contributions.api.ExchangeRateRequest;
import org.unhabitat.contributions.domain.Money;
import org.unhabitat.contributions.mapping.ExchangeRateMapper;
import org.unhabitat.contributions.repository.AdvisoryLocks;
import org.unhabitat.contributions.repository.ExchangeRate;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.UnprocessableException;
import org.unhabitat.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ExchangeRateService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_RATE_DECIMALS = 10;
    private static final int MAX_RATE_INTEGER_DIGITS = 14;

    /** The rate a conversion used, with its revision, so the figure can be traced to what finance set. */
    public record AppliedRate(BigDecimal unitsPerUsd, int revision) {
    }

    public record Setting(ExchangeRateDto rate, boolean created) {
    }

    private final AdvisoryLocks locks;
    private final Outbox outbox;
    private final AuditTrail audit;

    public ExchangeRateService(AdvisoryLocks locks, Outbox outbox, AuditTrail audit) {
        this.locks = locks;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Setting the current value again changes nothing; a different value is a new revision. */
    @Transactional
    public Setting set(Caller caller, String currency, String month, ExchangeRateRequest request) {
        validate(currency, month, request.unitsPerUsd());
        // Two revisions of one month at once would both be "current + 1"; the second waits and sees the first.
        locks.lock("exchange-rate", currency, month);
        Optional<ExchangeRate> current = ExchangeRate.current(currency, month);
        if (current.isPresent() && current.get().unitsPerUsd.compareTo(request.unitsPerUsd()) == 0) {
            return new Setting(ExchangeRateMapper.toDto(current.get()), false);
        }
        ExchangeRate rate = new ExchangeRate();
        rate.currency = currency;
        rate.month = month;
        rate.revision = current.map(previous -> previous.revision + 1).orElse(1);
        rate.unitsPerUsd = Money.normalizedRate(request.unitsPerUsd());
        rate.setBy = caller.subject();
        rate.setAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        rate.persist();
        outbox.append(ExchangeRateMapper.toEvent(rate));
        audit.record("exchange-rate.set", "exchange-rate", currency + "/" + month + "#" + rate.revision, currency + "/" + month);
        return new Setting(ExchangeRateMapper.toDto(rate), current.isEmpty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExchangeRateDto> find(String currency, String month) {
        validatePath(currency, month);
        return ExchangeRate.current(currency, month).map(ExchangeRateMapper::toDto);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExchangeRateDto> history(String currency, String month) {
        validatePath(currency, month);
        return ExchangeRate.history(currency, month).stream().map(ExchangeRateMapper::toDto).toList();
    }

    /**
     * The current rate for the month of {@code date}. USD is the unit of account, always 1; any other
     * currency without a rate for that month cannot be converted: 422.
     */
    // A missing rate refuses one request, not its whole transaction: the caller decides (a bulk import reports it
    // and checks the other rows before rolling back).
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = UnprocessableException.class)
    public AppliedRate rateFor(String currency, LocalDate date) {
        if (Money.USD.equals(currency)) {
            return new AppliedRate(BigDecimal.ONE, 0);
        }
        String month = YearMonth.from(date).format(MONTH);
        return ExchangeRate.current(currency, month)
                .map(rate -> new AppliedRate(Money.normalizedRate(rate.unitsPerUsd), rate.revision))
                .orElseThrow(() -> new UnprocessableException("currency",
                        "No operational rate of exchange for " + currency + " in " + month + "; finance must set it first"));
    }

    private static void validate(String currency, String month, BigDecimal unitsPerUsd) {
        List<FieldError> violations = pathViolations(currency, month);
        if (Money.USD.equals(currency)) {
            violations.add(new FieldError("currency", "USD is the unit of account; its rate is always 1"));
        }
        if (unitsPerUsd.signum() <= 0) {
            violations.add(new FieldError("unitsPerUsd", "must be greater than zero"));
        } else {
            BigDecimal rate = Money.normalizedRate(unitsPerUsd);
            if (rate.scale() > MAX_RATE_DECIMALS) {
                violations.add(new FieldError("unitsPerUsd", "must have at most " + MAX_RATE_DECIMALS + " decimals"));
            }
            if (rate.precision() - rate.scale() > MAX_RATE_INTEGER_DIGITS) {
                violations.add(new FieldError("unitsPerUsd", "is too large"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static void validatePath(String currency, String month) {
        List<FieldError> violations = pathViolations(currency, month);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static List<FieldError> pathViolations(String currency, String month) {
        List<FieldError> violations = new ArrayList<>();
        if (Money.currency(currency).isEmpty()) {
            violations.add(new FieldError("currency", "is not an ISO 4217 currency code"));
        }
        try {
            YearMonth.parse(month, MONTH);
        } catch (DateTimeParseException e) {
            violations.add(new FieldError("month", "must be a month as yyyy-MM"));
        }
        return violations;
    }
}
