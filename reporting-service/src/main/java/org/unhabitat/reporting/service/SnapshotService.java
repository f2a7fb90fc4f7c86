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
import org.unhabitat.reporting.repository.PositionRepository;
import org.unhabitat.reporting.repository.SnapshotRepository;
import org.unhabitat.reporting.service.ConsumptionStatus.CatchUp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Month-end snapshots: taken once a month has ended and reporting has applied every event, then never
 * changed. No snapshot is taken, by the hourly job or on request, while a replay is under way, a
 * consumer is behind or a valid event is parked: a frozen figure would stay wrong for good. The check
 * and the figures come from one read of the database, which a rebuild cannot start under.
 *
 * <p>Every instance schedules the job; the one holding the job's advisory lock takes the snapshot, and
 * the primary key would keep exactly one per month even without it.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    /** Taken with pg_try_advisory_xact_lock; any fixed number the suite uses for nothing else. */
    public static final long MONTH_END_JOB_LOCK = 0x6d6f6e74685f656eL;

    /** What a request for a snapshot came to. */
    public sealed interface Outcome {
    }

    /** The month's snapshot as stored, and whether this request took it. */
    public record Taken(String content, boolean created) implements Outcome {
    }

    /** Not taken: the read model does not hold every event yet, for the reasons given. */
    public record Postponed(List<String> behind) implements Outcome {
    }

    /** Another instance holds the job's lock and takes it. */
    private record LeftToAnother() implements Outcome {
    }

    private final SnapshotRepository snapshots;
    private final PositionRepository positions;
    private final ConsumptionStatus consumption;
    private final ReportReads reads;
    private final ProgressService progress;
    private final DonorReportService donors;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SnapshotService(SnapshotRepository snapshots, PositionRepository positions, ConsumptionStatus consumption,
                           ReportReads reads, ProgressService progress, DonorReportService donors, ObjectMapper mapper,
                           Clock clock) {
        this.snapshots = snapshots;
        this.positions = positions;
        this.consumption = consumption;
        this.reads = reads;
        this.progress = progress;
        this.donors = donors;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void takeLastMonthsSnapshot() {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        if (find(lastMonth).isPresent()) {
            return;
        }
        Outcome outcome = takeUnlessBehind(lastMonth, true);
        if (outcome instanceof Postponed postponed) {
            LOG.infof("Month-end snapshot of %s postponed: %s", lastMonth, String.join("; ", postponed.behind()));
        } else if (outcome instanceof LeftToAnother) {
            LOG.debugf("Month-end snapshot of %s left to the instance taking it now", lastMonth);
        }
    }

    /** The snapshot of an ended month: the existing one unchanged, or a new one unless the read model is behind. */
    public Outcome take(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new IllegalArgumentException("The month " + month + " has not ended yet");
        }
        Optional<String> existing = find(month);
        if (existing.isPresent()) {
            return new Taken(existing.get(), false);
        }
        return takeUnlessBehind(month, false);
    }

    @Transactional
    public Optional<String> find(YearMonth month) {
        return snapshots.find(month);
    }

    private Outcome takeUnlessBehind(YearMonth month, boolean onlyWithJobLock) {
        Map<String, Map<Integer, Long>> ends = consumption.endsNow();
        if (ends == null) {
            return new Postponed(ConsumptionStatus.brokerSilent().behind());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            reads.oneMoment(false);
            positions.keepRebuildsOut();
            if (onlyWithJobLock && !snapshots.tryJobLock(MONTH_END_JOB_LOCK)) {
                return new LeftToAnother();
            }
            CatchUp catchUp = consumption.catchUpWith(ends);
            if (!catchUp.caughtUp()) {
                return new Postponed(catchUp.behind());
            }
            return takeNow(month);
        });
    }

    private Taken takeNow(YearMonth month) {
        LocalDate asOf = month.atEndOfMonth();
        Map<String, List<TopContributorRow>> top = new LinkedHashMap<>();
        for (BudgetLine line : BudgetLine.values()) {
            top.put(line.name(), donors.topContributors(month.getYear(), line, 10, asOf));
        }
        Instant takenAt = Instant.now(clock);
        MonthEndSnapshot snapshot = new MonthEndSnapshot(month.toString(), asOf, takenAt,
                progress.forYear(month.getYear(), asOf), donors.regions(month.getYear(), null, asOf),
                donors.monthly(month.getYear(), null, asOf), top);
        boolean created = snapshots.insertIfAbsent(month, takenAt, toJson(snapshot));
        return new Taken(snapshots.find(month).orElseThrow(), created);
    }

    private String toJson(MonthEndSnapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot cannot be serialized", e);
        }
    }
}
