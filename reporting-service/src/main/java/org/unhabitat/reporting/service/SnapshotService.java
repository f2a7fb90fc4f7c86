package org.unhabitat.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.api.MonthEndSnapshot;
import org.unhabitat.reporting.api.TopContributorRow;
import org.unhabitat.reporting.domain.BudgetLine;
import org.unhabitat.reporting.messaging.ConsumerControl;
import org.unhabitat.reporting.repository.SnapshotRepository;

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

    private final SnapshotRepository snapshots;
    private final ProgressService progress;
    private final DonorReportService donors;
    private final ConsumerControl consumers;
    private final RebuildService rebuild;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SnapshotService(SnapshotRepository snapshots, ProgressService progress, DonorReportService donors,
                           ConsumerControl consumers, RebuildService rebuild, ObjectMapper mapper, Clock clock) {
        this.snapshots = snapshots;
        this.progress = progress;
        this.donors = donors;
        this.consumers = consumers;
        this.rebuild = rebuild;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A month's snapshot as stored, and whether this request took it. */
    public record Taken(String content, boolean created) {
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
            if (snapshots.tryJobLock(MONTH_END_JOB_LOCK)) {
                take(lastMonth);
            } else {
                LOG.debugf("Month-end snapshot of %s left to the instance taking it now", lastMonth);
            }
        });
    }

    /** Takes the snapshot of an ended month unless one exists; the existing one is returned unchanged. */
    @Transactional
    public Taken take(YearMonth month) {
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
        boolean created = snapshots.insertIfAbsent(month, takenAt, toJson(snapshot));
        return new Taken(snapshots.find(month).orElseThrow(), created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> find(YearMonth month) {
        return snapshots.find(month);
    }

    private String toJson(MonthEndSnapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot cannot be serialized", e);
        }
    }
}
