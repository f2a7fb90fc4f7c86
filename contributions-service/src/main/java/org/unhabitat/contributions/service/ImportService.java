package org.unhabitat.contributions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.api.ImportKind;
import org.unhabitat.contributions.api.ImportProblem;
import org.unhabitat.contributions.api.ImportReport;
import org.unhabitat.contributions.api.ImportSummary;
import org.unhabitat.contributions.api.PaymentRequest;
import org.unhabitat.contributions.api.PledgeRequest;
import org.unhabitat.contributions.api.ScheduleEntryRequest;
import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.contributions.domain.Channel;
import org.unhabitat.contributions.domain.Earmarking;
import org.unhabitat.contributions.domain.ImportStatus;
import org.unhabitat.contributions.domain.Modality;
import org.unhabitat.contributions.domain.Region;
import org.unhabitat.contributions.domain.YearAmount;
import org.unhabitat.contributions.repository.ImportRun;
import org.unhabitat.contributions.repository.Payment;
import org.unhabitat.contributions.repository.Pledge;
import org.unhabitat.contributions.repository.PledgeNumbering;
import org.unhabitat.contributions.repository.ScheduleEntry;
import org.unhabitat.contributions.service.exception.ImportRejectedException;
import org.unhabitat.contributions.service.exception.UnknownProgrammeException;
import org.unhabitat.platform.audit.AuditTrail;
import org.unhabitat.platform.problem.ConflictException;
import org.unhabitat.platform.problem.FieldError;
import org.unhabitat.platform.problem.NoSuchResourceException;
import org.unhabitat.platform.problem.ProblemException;
import org.unhabitat.platform.problem.UnprocessableException;
import org.unhabitat.platform.security.Caller;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Bulk import of pledges or payments from a spreadsheet's CSV. Every row goes through the very code of the
 * single-record API (its rules, rounding, event and audit entry), all rows in one transaction: a dry run rolls it
 * back and reports, a real run commits only if no row has a problem. A row whose reference is already recorded with
 * the same values is unchanged, so a file uploaded twice records nothing new. A file of more rows than can be
 * checked within a request's patience runs as a job on a thread of its own, one import at a time, which the client
 * polls; its audit entries name the caller who uploaded it.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /**
     * Rows between two clears of the session: every query flushes it first, and the flush checks everything the
     * session holds, so a session holding a whole file spends its time there.
     */
    private static final int ROWS_PER_FLUSH = 20;
    /** Rows between two reports of a job's progress, each a short transaction of its own. */
    private static final int ROWS_PER_PROGRESS = 100;
    private static final IntConsumer NO_PROGRESS = done -> {
    };
    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() {
    };

    /** What an upload answers: a report (dry run) or a summary (recorded, or still running). */
    public record Upload(ImportReport report, ImportSummary summary) {

        public boolean running() {
            return summary != null && ImportStatus.RUNNING.name().equals(summary.status());
        }
    }

    private final PledgeService pledges;
    private final PledgeChangeService changes;
    private final PledgeNumbering numbering;
    private final AuditTrail audit;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final long maxBodySize;
    private final int answerAtOnceMaxRows;
    private final Duration transactionTimeout;
    private final Duration abandonedAfter;
    /** The jobs this instance holds, queued or running: only these are stamped alive. */
    private final Set<UUID> ownJobs = ConcurrentHashMap.newKeySet();
    private ExecutorService jobs;

    public ImportService(PledgeService pledges, PledgeChangeService changes, PledgeNumbering numbering, AuditTrail audit,
                         Validator validator, ObjectMapper mapper,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                         @ConfigProperty(name = "imports.answer-at-once-max-rows") int answerAtOnceMaxRows,
                         @ConfigProperty(name = "imports.transaction-timeout") Duration transactionTimeout,
                         @ConfigProperty(name = "imports.abandoned-after") Duration abandonedAfter) {
        this.pledges = pledges;
        this.changes = changes;
        this.numbering = numbering;
        this.audit = audit;
        this.validator = validator;
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
        this.answerAtOnceMaxRows = answerAtOnceMaxRows;
        this.transactionTimeout = transactionTimeout;
        this.abandonedAfter = abandonedAfter;
    }

    @PostConstruct
    void startJobs() {
        jobs = Executors.newSingleThreadExecutor(work -> new Thread(work, "import-jobs"));
    }

    @PreDestroy
    void stopJobs() {
        jobs.shutdownNow();
    }

    @Scheduled(every = "${imports.heartbeat}", identity = "import-job-heartbeat",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeatOnSchedule() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            LOG.warnf("Import job heartbeat failed; the next one tries again: %s", e.getMessage());
        }
    }

    /**
     * Stamps this instance's jobs as alive, then fails the jobs of instances that stopped stamping theirs: they died
     * with their instance, and their clients would otherwise poll RUNNING for ever. Returns how many it failed.
     */
    public int heartbeat() {
        Instant now = now();
        if (!ownJobs.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> ImportRun.stillRunning(Set.copyOf(ownJobs), now));
        }
        int abandoned = QuarkusTransaction.requiringNew().call(() -> ImportRun.failAbandoned(now.minus(abandonedAfter), now));
        if (abandoned > 0) {
            LOG.warnf("%d import jobs were left RUNNING by an instance that stopped; marked FAILED, nothing of them was recorded",
                    abandoned);
        }
        return abandoned;
    }

    /**
     * Reads the file and checks (dry run) or records its rows; a file of more rows than are answered at once is
     * started as a job instead, and the answer is its summary while it runs.
     */
    public Upload upload(Caller caller, ImportKind kind, boolean dryRun, InputStream body) {
        ImportFile file = ImportFile.read(kind, body, maxBodySize);
        if (file.rows().size() > answerAtOnceMaxRows) {
            return new Upload(null, start(caller, kind, dryRun, file));
        }
        if (dryRun) {
            return new Upload(rolledBack(() -> apply(caller, kind, file, NO_PROGRESS)).report(file.rows().size()), null);
        }
        // A problem in any row is thrown, so that the transaction rolls back and nothing of the file is kept.
        ImportSummary summary = inOneTransaction(() -> {
            Outcome outcome = apply(caller, kind, file, NO_PROGRESS);
            if (!outcome.problems.isEmpty()) {
                throw new ImportRejectedException(outcome.problems);
            }
            ImportRun run = newRun(caller, kind, false, file);
            recorded(run, outcome);
            run.persist();
            return toSummary(run);
        });
        numberPledges(kind);
        return new Upload(null, summary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImportSummary> find(UUID id) {
        return ImportRun.<ImportRun>findByIdOptional(id).map(this::toSummary);
    }

    private ImportSummary start(Caller caller, ImportKind kind, boolean dryRun, ImportFile file) {
        AuditTrail.Actor actor = audit.currentActor();
        ImportRun run = QuarkusTransaction.requiringNew().call(() -> {
            ImportRun started = newRun(caller, kind, dryRun, file);
            started.persist();
            return started;
        });
        ownJobs.add(run.id);
        jobs.execute(() -> audit.actingFor(actor, () -> {
            try {
                runJob(run.id, caller, kind, dryRun, file);
            } finally {
                ownJobs.remove(run.id);
            }
            return null;
        }));
        return toSummary(run);
    }

    private void runJob(UUID id, Caller caller, ImportKind kind, boolean dryRun, ImportFile file) {
        IntConsumer progress = done -> QuarkusTransaction.requiringNew().run(() -> ImportRun.progress(id, done));
        try {
            if (dryRun) {
                Outcome outcome = rolledBack(() -> apply(caller, kind, file, progress));
                QuarkusTransaction.requiringNew().run(() -> finish(id, ImportStatus.CHECKED, outcome));
                return;
            }
            inOneTransaction(() -> {
                Outcome outcome = apply(caller, kind, file, progress);
                if (!outcome.problems.isEmpty()) {
                    throw new ImportRejectedException(outcome.problems);
                }
                finish(id, ImportStatus.RECORDED, outcome);
                return null;
            });
            numberPledges(kind);
        } catch (ImportRejectedException rejected) {
            Outcome outcome = new Outcome();
            outcome.problems.addAll(rejected.problems());
            QuarkusTransaction.requiringNew().run(() -> finish(id, ImportStatus.REJECTED, outcome));
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Import %s failed; nothing of it was recorded", id);
            QuarkusTransaction.requiringNew().run(() -> finish(id, ImportStatus.FAILED, new Outcome()));
        }
    }

    private ImportRun newRun(Caller caller, ImportKind kind, boolean dryRun, ImportFile file) {
        ImportRun run = new ImportRun();
        run.id = UUID.randomUUID();
        run.kind = kind.code();
        run.dryRun = dryRun;
        run.status = ImportStatus.RUNNING;
        run.rows = file.rows().size();
        run.runBy = caller.subject();
        run.role = caller.role();
        run.runAt = now();
        run.aliveAt = run.runAt;
        return run;
    }

    private void finish(UUID id, ImportStatus status, Outcome outcome) {
        ImportRun run = ImportRun.findById(id);
        if (status == ImportStatus.RECORDED) {
            recorded(run, outcome);
            return;
        }
        run.status = status;
        run.done = status == ImportStatus.FAILED ? run.done : run.rows;
        run.created = status == ImportStatus.CHECKED ? outcome.created : 0;
        run.unchanged = status == ImportStatus.CHECKED ? outcome.unchanged : 0;
        run.problems = json(outcome.problems);
        run.finishedAt = now();
    }

    /** In the transaction of the rows it recorded. */
    private void recorded(ImportRun run, Outcome outcome) {
        run.status = ImportStatus.RECORDED;
        run.done = run.rows;
        run.created = outcome.created;
        run.unchanged = outcome.unchanged;
        run.problems = json(List.of());
        run.finishedAt = now();
        audit.record("import.recorded", "import", run.id.toString(), run.id.toString());
    }

    private void numberPledges(ImportKind kind) {
        if (kind != ImportKind.PLEDGES) {
            return;
        }
        try {
            numbering.numberCommitted();
        } catch (RuntimeException e) {
            // The pledges are committed and finance must hear so; the numbering sweep lists them shortly.
            LOG.warnf("Imported pledges recorded but not yet numbered for listing: %s", e.getMessage());
        }
    }

    private <T> T inOneTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(work);
    }

    /** Runs the work in a transaction of its own that is rolled back whatever happens, and returns its result. */
    private Outcome rolledBack(Supplier<Outcome> work) {
        List<Outcome> result = new ArrayList<>(1);
        try {
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).run(() -> {
                result.add(work.get());
                throw new RollBack();
            });
        } catch (RollBack expected) {
            // the dry run's writes are undone; its outcome is kept
        }
        return result.get(0);
    }

    /** Ends a dry run's transaction: thrown, so that it rolls back. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    private Outcome apply(Caller caller, ImportKind kind, ImportFile file, IntConsumer progress) {
        Outcome outcome = new Outcome();
        Map<String, Long> firstRowOfReference = new HashMap<>();
        int done = 0;
        for (CSVRecord record : file.rows()) {
            Row row = new Row(file, record, outcome.problems);
            if (record.size() != file.columnCount()) {
                row.problem(null, "has " + record.size() + " values; the header has " + file.columnCount());
            } else if (kind == ImportKind.PLEDGES) {
                importPledge(caller, row, firstRowOfReference, outcome);
            } else {
                importPayment(caller, row, firstRowOfReference, outcome);
            }
            done++;
            if (done % ROWS_PER_FLUSH == 0) {
                Panache.getEntityManager().flush();
                Panache.getEntityManager().clear();
            }
            if (done % ROWS_PER_PROGRESS == 0) {
                progress.accept(done);
            }
        }
        return outcome;
    }

    private void importPledge(Caller caller, Row row, Map<String, Long> firstRowOfReference, Outcome outcome) {
        PledgeRequest request = new PledgeRequest(row.text("contributorCode"), row.code("budgetLine", BudgetLine.class),
                row.code("earmarking", Earmarking.class), row.code("region", Region.class), row.text("currency"),
                row.decimal("amount"), row.date("pledgedOn"), row.schedule("schedule"), row.text("reference"),
                row.text("programme"), row.code("channel", Channel.class), row.code("modality", Modality.class));
        boolean valid = row.valid(validator.validate(request)) & row.hasReference(request.reference());
        if (!valid || !row.firstOfItsReference(firstRowOfReference, request.contributorCode() + "\n" + request.reference())) {
            return;
        }
        Optional<Pledge> existing = Pledge.<Pledge>find("contributor.code = ?1 and reference = ?2", request.contributorCode(),
                request.reference()).firstResultOptional();
        if (existing.isPresent()) {
            if (sameValues(existing.get(), request)) {
                outcome.unchanged++;
            } else {
                row.problem("reference", "is already recorded for " + request.contributorCode() + " with other values (pledge "
                        + existing.get().id + ")");
            }
            return;
        }
        row.attempt(() -> pledges.create(caller, request), PLEDGE_FIELDS, outcome);
    }

    private void importPayment(Caller caller, Row row, Map<String, Long> firstRowOfReference, Outcome outcome) {
        String contributorCode = row.text("contributorCode");
        String pledgeReference = row.text("pledgeReference");
        PaymentRequest request = new PaymentRequest(row.decimal("amount"), row.text("currency"), row.date("receivedOn"),
                row.year("forYear"), row.text("reference"));
        if (contributorCode == null) {
            row.problem("contributorCode", "must not be blank");
        }
        if (pledgeReference == null) {
            row.problem("pledgeReference", "must not be blank");
        }
        boolean valid = row.valid(validator.validate(request)) & row.hasReference(request.reference())
                & contributorCode != null & pledgeReference != null;
        if (!valid || !row.firstOfItsReference(firstRowOfReference, contributorCode + "\n" + pledgeReference + "\n" + request.reference())) {
            return;
        }
        Optional<Pledge> pledge = Pledge.<Pledge>find("contributor.code = ?1 and reference = ?2", contributorCode, pledgeReference)
                .firstResultOptional();
        if (pledge.isEmpty()) {
            row.problem("pledgeReference", "is not the reference of a pledge of " + contributorCode);
            return;
        }
        Optional<Payment> existing = pledge.get().payments.stream().filter(payment -> request.reference().equals(payment.reference))
                .findFirst();
        if (existing.isPresent()) {
            if (sameValues(existing.get(), request)) {
                outcome.unchanged++;
            } else {
                row.problem("reference", "is already recorded on this pledge with other values (payment " + existing.get().id + ")");
            }
            return;
        }
        row.attempt(() -> changes.pay(caller, pledge.get().id, request), PAYMENT_FIELDS, outcome);
    }

    /** As the pledge stands now: a pledge corrected since it was imported no longer matches its row. */
    private static boolean sameValues(Pledge pledge, PledgeRequest request) {
        if (pledge.budgetLine != request.budgetLine() || pledge.earmarking != request.earmarking() || pledge.region != request.region()
                || !pledge.currency.equals(request.currency()) || pledge.amount.compareTo(request.amount()) != 0
                || !pledge.pledgedOn.equals(request.pledgedOn()) || !Objects.equals(pledge.programmeCode, request.programme())
                || pledge.channel != Optional.ofNullable(request.channel()).orElse(Channel.DIRECT)
                || pledge.modality != Optional.ofNullable(request.modality()).orElse(Modality.GRANT)) {
            return false;
        }
        List<FieldError> ignored = new ArrayList<>();
        List<YearAmount> requested = PledgeRules.schedule(request.amount(), request.currency(), request.pledgedOn(), request.schedule(), ignored);
        List<ScheduleEntry> recorded = pledge.currentVersion().schedule.stream()
                .sorted(Comparator.comparingInt((ScheduleEntry entry) -> entry.scheduleYear)).toList();
        if (!ignored.isEmpty() || requested.size() != recorded.size()) {
            return false;
        }
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i).year() != recorded.get(i).scheduleYear
                    || requested.get(i).amount().compareTo(recorded.get(i).amount) != 0
                    || !requested.get(i).dueOn().equals(recorded.get(i).dueOn)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValues(Payment payment, PaymentRequest request) {
        return payment.amount.compareTo(request.amount()) == 0 && payment.currency.equals(request.currency())
                && payment.receivedOn.equals(request.receivedOn())
                && (request.forYear() == null || request.forYear() == payment.forYear);
    }

    private ImportSummary toSummary(ImportRun run) {
        List<ImportProblem> problems = run.problems == null ? List.of() : parse(run.problems);
        return new ImportSummary(run.id, run.kind, run.dryRun, run.status.name(), run.rows, run.done, run.created, run.unchanged,
                problems, run.runBy, run.role, run.runAt, run.finishedAt);
    }

    private String json(List<ImportProblem> problems) {
        try {
            return mapper.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Import problems cannot be serialised", e);
        }
    }

    private List<ImportProblem> parse(String problems) {
        try {
            return mapper.readValue(problems, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored import problems cannot be read", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private int timeoutSeconds() {
        return (int) transactionTimeout.toSeconds();
    }

    /** The column a refusal without field errors is about, when the refusal does not say. */
    private static final Function<ProblemException, String> PLEDGE_FIELDS = problem -> problem instanceof UnknownProgrammeException
            ? "programme" : problem instanceof ConflictException ? "reference" : null;

    /** The pledge the row pays is not visible, or cancelled. */
    private static final Function<ProblemException, String> PAYMENT_FIELDS = problem ->
            problem instanceof NoSuchResourceException || problem instanceof ConflictException ? "pledgeReference" : null;

    private static final class Outcome {
        final List<ImportProblem> problems = new ArrayList<>();
        int created;
        int unchanged;

        ImportReport report(int rows) {
            long rowsWithProblems = problems.stream().mapToLong(ImportProblem::row).distinct().count();
            return new ImportReport(rows, rows - (int) rowsWithProblems, created, unchanged, List.copyOf(problems));
        }
    }

    /** One row's values, each parsed or reported as a problem of its column. */
    private static final class Row {

        private final ImportFile file;
        private final CSVRecord record;
        private final List<ImportProblem> problems;
        private final long number;
        private final Set<String> unreadable = new HashSet<>();

        Row(ImportFile file, CSVRecord record, List<ImportProblem> problems) {
            this.file = file;
            this.record = record;
            this.problems = problems;
            // The header is record 1, and a quoted line break stays inside its record.
            this.number = record.getRecordNumber();
        }

        void problem(String column, String message) {
            problems.add(new ImportProblem(number, column, message));
        }

        String text(String column) {
            return file.value(record, column).orElse(null);
        }

        BigDecimal decimal(String column) {
            return parsed(column, value -> DECIMAL.matcher(value).matches() ? new BigDecimal(value) : null,
                    "must be a decimal number such as 1000.50");
        }

        LocalDate date(String column) {
            return parsed(column, value -> {
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }, "must be a date such as 2021-09-15");
        }

        Integer year(String column) {
            return parsed(column, value -> YEAR.matcher(value).matches() ? Integer.valueOf(value) : null, "must be a year such as 2021");
        }

        <E extends Enum<E>> E code(String column, Class<E> type) {
            return parsed(column, value -> {
                try {
                    return Enum.valueOf(type, value);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }, "is not a known code");
        }

        /** year=amount pairs separated by semicolons: 2022=10400000;2023=10400000. */
        List<ScheduleEntryRequest> schedule(String column) {
            return parsed(column, value -> {
                List<ScheduleEntryRequest> entries = new ArrayList<>();
                for (String pair : value.split(";", -1)) {
                    String[] parts = pair.strip().split("=", -1);
                    if (parts.length != 2 || !YEAR.matcher(parts[0].strip()).matches() || !DECIMAL.matcher(parts[1].strip()).matches()) {
                        return null;
                    }
                    entries.add(new ScheduleEntryRequest(Integer.valueOf(parts[0].strip()), new BigDecimal(parts[1].strip()), null));
                }
                return entries;
            }, "must be year=amount pairs separated by semicolons, such as 2022=10400000;2023=10400000");
        }

        private <T> T parsed(String column, Function<String, T> parser, String message) {
            Optional<String> value = file.value(record, column);
            if (value.isEmpty()) {
                return null;
            }
            T parsed = parser.apply(value.get());
            if (parsed == null) {
                problem(column, message);
                unreadable.add(column);
            }
            return parsed;
        }

        /**
         * Reports the request's constraint violations, but for a column already reported as unreadable (which the
         * request holds as missing); true when neither they nor parsing found a problem.
         */
        boolean valid(Set<? extends ConstraintViolation<?>> violations) {
            violations.stream()
                    .map(violation -> new FieldError(column(violation.getPropertyPath().toString()), violation.getMessage()))
                    .filter(error -> !unreadable.contains(error.field()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .forEach(error -> problem(error.field(), error.message()));
            return violations.isEmpty() && unreadable.isEmpty();
        }

        /** An import needs a reference: it is what makes a second upload of the file record nothing new. */
        boolean hasReference(String reference) {
            if (reference == null) {
                problem("reference", "must not be blank: it makes a second upload of the file change nothing");
                return false;
            }
            return true;
        }

        boolean firstOfItsReference(Map<String, Long> firstRowOfReference, String key) {
            Long first = firstRowOfReference.putIfAbsent(key, number);
            if (first != null) {
                problem("reference", "is also the reference of row " + first);
                return false;
            }
            return true;
        }

        /** Runs the single-record write; its refusal becomes this row's problems, one per field it names. */
        void attempt(Runnable write, Function<ProblemException, String> fieldOf, Outcome outcome) {
            try {
                write.run();
                outcome.created++;
            } catch (ProblemException refusal) {
                if (refusal.errors() != null && !refusal.errors().isEmpty()) {
                    refusal.errors().forEach(error -> problem(column(error.field()), error.message()));
                } else if (refusal instanceof UnprocessableException unprocessable && unprocessable.field() != null) {
                    problem(unprocessable.field(), refusal.getMessage());
                } else {
                    problem(fieldOf.apply(refusal), refusal.getMessage());
                }
            }
        }

        /** schedule[1].amount is in the schedule column. */
        private static String column(String path) {
            int end = path.length();
            for (char separator : new char[] {'[', '.'}) {
                int at = path.indexOf(separator);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            return path.substring(0, end);
        }
    }
}
