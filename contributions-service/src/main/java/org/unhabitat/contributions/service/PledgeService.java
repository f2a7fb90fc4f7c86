package org.unhabitat.contributions.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.api.AuditEntryDto;
import org.unhabitat.contributions.api.Page;
import org.unhabitat.contributions.api.PaymentDto;
import org.unhabitat.contributions.api.PledgeDto;
import org.unhabitat.contributions.api.PledgeRequest;
import org.unhabitat.contributions.api.PledgeVersionDto;
import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.contributions.domain.Channel;
import org.unhabitat.contributions.domain.Modality;
import org.unhabitat.contributions.domain.Money;
import org.unhabitat.contributions.domain.PledgeStatus;
import org.unhabitat.contributions.domain.YearAmount;
import org.unhabitat.contributions.mapping.PledgeMapper;
import org.unhabitat.contributions.repository.AdvisoryLocks;
import org.unhabitat.contributions.repository.Contributor;
import org.unhabitat.contributions.repository.ContributorLookup;
import org.unhabitat.contributions.repository.Payment;
import org.unhabitat.contributions.repository.Pledge;
import org.unhabitat.contributions.repository.PledgeInserts;
import org.unhabitat.contributions.repository.PledgeNumbering;
import org.unhabitat.contributions.repository.PledgeVersion;
import org.unhabitat.contributions.repository.ScheduleEntry;
import org.unhabitat.contributions.service.exception.DuplicateReferenceException;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.outbox.Outbox;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.InvalidRequestException;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PledgeService {

    private static final Logger LOG = Logger.getLogger(PledgeService.class);
    private static final KeysetPages PAGES = new KeysetPages("pledge-seq:");

    private final IdempotencyService idempotency;
    private final ExchangeRateService rates;
    private final ProgrammeCatalogue programmes;
    private final AdvisoryLocks locks;
    private final ContributorLookup contributors;
    private final PledgeInserts inserts;
    private final PledgeNumbering numbering;
    private final Outbox outbox;
    private final AuditTrail audit;

    public PledgeService(IdempotencyService idempotency, ExchangeRateService rates, ProgrammeCatalogue programmes,
                         AdvisoryLocks locks, ContributorLookup contributors, PledgeInserts inserts,
                         PledgeNumbering numbering, Outbox outbox, AuditTrail audit) {
        this.idempotency = idempotency;
        this.rates = rates;
        this.programmes = programmes;
        this.locks = locks;
        this.contributors = contributors;
        this.inserts = inserts;
        this.numbering = numbering;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Records the pledge in one transaction, then numbers it for the keyset order in a second one, so
     * that a partner lists its pledge the moment it has the 201. A partner may pledge only for itself;
     * for any other code it learns nothing, not even that the code exists.
     */
    public WriteReceipt record(Caller caller, PledgeRequest request, String idempotencyKey) {
        if (!caller.mayActFor(request.contributorCode())) {
            throw new NoSuchResourceException("No contributor " + request.contributorCode());
        }
        WriteReceipt receipt = QuarkusTransaction.requiringNew().call(
                () -> idempotency.once(caller, idempotencyKey, "pledge.record", request, () -> create(caller, request)));
        try {
            numbering.numberCommitted();
        } catch (RuntimeException e) {
            // The pledge is committed and the partner must hear so; the sweep below numbers it shortly.
            LOG.warnf("Pledge recorded but not yet numbered for listing: %s", e.getMessage());
        }
        return receipt;
    }

    /**
     * Numbers pledges whose writer stopped between commit and numbering (its process died, or the
     * database went away for a moment), so they are listed within one sweep. Every instance sweeps;
     * numbering runs one transaction at a time however many instances call it.
     */
    @Scheduled(every = "${pledges.numbering-sweep}", identity = "pledge-numbering-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void numberLeftovers() {
        try {
            numbering.numberCommitted();
        } catch (RuntimeException e) {
            // The database is away; the next sweep tries again, and the readiness check reports the outage.
            LOG.debugf("Pledge numbering sweep skipped: %s", e.getMessage());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PledgeDto> find(Caller caller, UUID id) {
        return Pledge.visibleTo(id, caller.contributorScope()).firstResultOptional().map(PledgeMapper::toDto);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<PledgeVersionDto>> versions(Caller caller, UUID id) {
        return Pledge.visibleTo(id, caller.contributorScope()).firstResultOptional()
                .map(pledge -> pledge.versions.stream().map(PledgeMapper::toDto).toList());
    }

    /** Who changed the pledge and its payments, oldest first; empty when the caller may not see the pledge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AuditEntryDto>> auditTrail(Caller caller, UUID id) {
        return Pledge.visibleTo(id, caller.contributorScope()).firstResultOptional().map(pledge -> audit.ofAggregate(pledge.id.toString()).stream()
                        .map(entry -> new AuditEntryDto(entry.occurredAt(), entry.subject(), entry.role(), entry.clientIp(),
                                entry.action(), entry.resourceType(), entry.resourceId()))
                        .toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaymentDto> findPayment(Caller caller, UUID pledgeId, UUID paymentId) {
        return Pledge.visibleTo(pledgeId, caller.contributorScope()).firstResultOptional()
                .flatMap(pledge -> pledge.payments.stream().filter(payment -> payment.id.equals(paymentId)).findFirst())
                .map(PledgeMapper::toDto);
    }

    /**
     * Keyset pagination on the pledge number, given after commit in numbering order: a page never
     * shifts when pledges arrive, and new ones appear at the end. A pledge is listed once numbered,
     * which its writer does before answering. {@code year} matches pledges whose current schedule
     * has that year.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PledgeDto> list(Caller caller, PledgeQuery query) {
        List<FieldError> violations = new ArrayList<>();
        int limit = PAGES.limit(query.limit(), violations);
        long after = PAGES.position(query.cursor(), 0, violations);
        Parameters parameters = Parameters.with("after", after);
        StringBuilder where = new StringBuilder("from Pledge p where p.seq > :after");
        if (!caller.seesAll()) {
            where.append(" and p.contributor.code = :scope");
            parameters.and("scope", caller.contributorScope());
        }
        if (query.contributor() != null) {
            where.append(" and p.contributor.code = :contributor");
            parameters.and("contributor", query.contributor());
        }
        if (query.budgetLine() != null) {
            where.append(" and p.budgetLine = :budgetLine");
            parameters.and("budgetLine", parseEnum(BudgetLine.class, "budgetLine", query.budgetLine(), violations));
        }
        if (query.status() != null) {
            where.append(" and p.status = :status");
            parameters.and("status", parseEnum(PledgeStatus.class, "status", query.status(), violations));
        }
        if (query.year() != null) {
            where.append(" and exists (select 1 from ScheduleEntry e where e.pledgeVersion.pledge = p"
                    + " and e.pledgeVersion.version = p.version and e.scheduleYear = :year)");
            parameters.and("year", parseYear(query.year(), violations));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<Pledge> found = Pledge.<Pledge>find(where + " order by p.seq", parameters).range(0, limit).list();
        boolean more = found.size() > limit;
        List<Pledge> page = more ? found.subList(0, limit) : found;
        String next = more ? PAGES.cursor(page.get(page.size() - 1).seq) : null;
        return new Page<>(page.stream().map(PledgeMapper::toDto).toList(), next);
    }

    /**
     * Records a pledge in the caller's transaction, with the rules, event and audit entry of {@link #record}: a bulk
     * import runs many of these in one transaction and keeps it only if every row passes. The caller numbers the
     * pledges after its commit.
     */
    IdempotencyService.Outcome create(Caller caller, PledgeRequest request) {
        List<FieldError> violations = new ArrayList<>();
        Contributor contributor = contributors.find(request.contributorCode()).orElse(null);
        if (contributor == null) {
            violations.add(new FieldError("contributorCode", "is not a registered contributor"));
        }
        PledgeRules.checkNotFuture("pledgedOn", request.pledgedOn(), violations);
        List<YearAmount> schedule = List.of();
        if (PledgeRules.checkCurrency("currency", request.currency(), violations)) {
            PledgeRules.checkAmount("amount", request.amount(), request.currency(), violations);
            schedule = PledgeRules.schedule(request.amount(), request.currency(), request.pledgedOn(), request.schedule(), violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        programmes.requireKnown(request.programme(), request.budgetLine());
        ExchangeRateService.AppliedRate rate = rates.rateFor(request.currency(), request.pledgedOn());
        if (request.reference() != null) {
            // Two requests with one reference but different keys: the second waits, then sees the first.
            locks.lock("pledge-reference", contributor.code, request.reference());
            Optional<Pledge> existing = Pledge.find("contributor.code = ?1 and reference = ?2", contributor.code,
                    request.reference()).firstResultOptional();
            if (existing.isPresent()) {
                throw new DuplicateReferenceException(request.reference(), existing.get().id);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Pledge pledge = new Pledge();
        pledge.id = UUID.randomUUID();
        pledge.contributor = contributor;
        pledge.budgetLine = request.budgetLine();
        pledge.earmarking = request.earmarking();
        pledge.region = request.region();
        pledge.programmeCode = request.programme();
        pledge.channel = Optional.ofNullable(request.channel()).orElse(Channel.DIRECT);
        pledge.modality = Optional.ofNullable(request.modality()).orElse(Modality.GRANT);
        pledge.currency = request.currency();
        pledge.amount = request.amount();
        pledge.fxRate = rate.unitsPerUsd();
        pledge.fxRateRevision = rate.revision();
        pledge.pledgedOn = request.pledgedOn();
        pledge.reference = request.reference();
        pledge.status = PledgeStatus.PLEDGED;
        pledge.recordedBy = caller.subject();
        pledge.recordedAt = now;
        addVersion(pledge, request.amount(), schedule, null, caller.subject(), now);
        inserts.insert(pledge);
        outbox.append(PledgeMapper.toRecordedEvent(pledge));
        audit.record("pledge.recorded", "pledge", pledge.id.toString(), pledge.id.toString());
        return IdempotencyService.Outcome.created(pledge.id.toString(), PledgeMapper.toDto(pledge));
    }

    /** Makes amount and schedule the pledge's next version, converted at the pledge's own rate. */
    static void addVersion(Pledge pledge, BigDecimal amount, List<YearAmount> schedule, String reason, String by, Instant at) {
        PledgeVersion version = new PledgeVersion();
        version.pledge = pledge;
        version.version = pledge.version + 1;
        version.amount = amount;
        version.reason = reason;
        version.recordedBy = by;
        version.recordedAt = at;
        BigDecimal usd = Money.usd(BigDecimal.ZERO);
        for (YearAmount year : schedule) {
            ScheduleEntry entry = new ScheduleEntry();
            entry.pledgeVersion = version;
            entry.scheduleYear = year.year();
            entry.amount = year.amount();
            entry.usdAmount = Money.toUsd(year.amount(), pledge.fxRate);
            entry.dueOn = year.dueOn();
            usd = usd.add(entry.usdAmount);
            version.schedule.add(entry);
        }
        version.usdAmount = usd;
        pledge.versions.add(version);
        pledge.version = version.version;
        pledge.amount = amount;
        pledge.usdAmount = usd;
        BigDecimal paid = pledge.payments.stream().map((Payment payment) -> payment.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        pledge.status = PledgeStatus.of(paid, amount);
    }

    private static int parseYear(String year, List<FieldError> violations) {
        try {
            return Integer.parseInt(year);
        } catch (NumberFormatException e) {
            violations.add(new FieldError("year", "must be a year such as 2021"));
            return 0;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value, List<FieldError> violations) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldError(field, "is not a known code"));
            return type.getEnumConstants()[0];
        }
    }
}
