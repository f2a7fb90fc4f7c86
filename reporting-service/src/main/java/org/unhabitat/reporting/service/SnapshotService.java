package org.unhabitat.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.messaging.ConsumerControl;
import org.unhabitat.reporting.rest.dto.MonthEndSnapshot;
import org.unhabitat.reporting.rest.dto.TopContributorRow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Month-end snapshots: taken once a month has ended and reporting has applied every event, then
 * never changed. Every instance schedules the job; the one holding the job's advisory lock takes the
 * snapshot, and the primary key would keep exactly one per month even without it.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    /** Taken with pg_try_advisory_xact_lock; any fixed number the suite uses for nothing else. */
    public static final long MONTH_END_JOB_LOCK = 0x6d6f6e74685f656eL;

    private final EntityManager entityManager;
    private final ProgressService progress;
    private final DonorReportService donors;
    private final ConsumerControl consumers;
    private final RebuildService rebuild;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SnapshotService(EntityManager entityManager, ProgressService progress, DonorReportService donors,
                           ConsumerControl consumers, RebuildService rebuild, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.progress = progress;
        this.donors = donors;
        this.consumers = consumers;
        this.rebuild = rebuild;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeLastMonthsSnapshot() {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        if (find(lastMonth).isPresent()) {
            return;
        }
        if (rebuild.replayPending() || !consumers.caughtUp()) {
            LOG.infof("Month-end snapshot of %s postponed: events are still being applied", lastMonth);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (holdsJobLock()) {
                take(lastMonth);
            } else {
                LOG.debugf("Month-end snapshot of %s left to the instance taking it now", lastMonth);
            }
        });
    }

    private boolean holdsJobLock() {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", MONTH_END_JOB_LOCK).getSingleResult();
    }

    /** Takes the snapshot of an ended month unless one exists; the existing one is returned unchanged. */
    @Transactional
    public String take(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new IllegalArgumentException("The month " + month + " has not ended yet");
        }
        LocalDate asOf = month.atEndOfMonth();
        Map<String, List<TopContributorRow>> top = new LinkedHashMap<>();
        for (BudgetLine line : BudgetLine.values()) {
            top.put(line.name(), donors.topContributors(month.getYear(), line, 10, asOf));
        }
        Instant takenAt = Instant.now(clock);
        MonthEndSnapshot snapshot = new MonthEndSnapshot(month.toString(), asOf, takenAt,
                progress.forYear(month.getYear(), asOf), donors.regions(month.getYear(), asOf),
                donors.monthly(month.getYear(), null, asOf), top);
        entityManager.createNativeQuery("""
                        INSERT INTO monthly_snapshot (month, taken_at, content) VALUES (:month, :takenAt, :content)
                        ON CONFLICT (month) DO NOTHING""")
                .setParameter("month", month.toString())
                .setParameter("takenAt", Timestamp.from(takenAt))
                .setParameter("content", toJson(snapshot))
                .executeUpdate();
        return find(month).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> find(YearMonth month) {
        List<?> content = entityManager.createNativeQuery("SELECT content FROM monthly_snapshot WHERE month = :month")
                .setParameter("month", month.toString()).getResultList();
        return content.stream().findFirst().map(String.class::cast);
    }

    private String toJson(MonthEndSnapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot cannot be serialized", e);
        }
    }
}
