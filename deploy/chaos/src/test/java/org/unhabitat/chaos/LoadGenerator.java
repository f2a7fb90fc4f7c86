package org.unhabitat.chaos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts pledges, payments, corrections and cancellations the way a careful partner system does: every
 * request carries an Idempotency-Key, and a request without a definite answer (no response, a timeout,
 * a 5xx, a 409 for a key in flight) is sent again with the same key until it gets one. Given several
 * instances of contributions-service, it spreads requests over them in turn, and sends each retry to
 * the next instance, since the one that did not answer may be dead.
 */
final class LoadGenerator {

    static final List<String> CONTRIBUTORS = List.of("SWE", "DEU", "NOR", "EC", "GCF", "KFW", "GATES-FDN", "NAIROBI-CITY");
    static final List<String> LINES = List.of("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION");
    static final List<String> REGIONS = List.of("AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "LATIN_AMERICA_CARIBBEAN", "EUROPE", "GLOBAL");
    static final List<String> EARMARKING = List.of("NON_EARMARKED", "SOFTLY_EARMARKED", "EARMARKED");
    static final int FIRST_YEAR = 2021;
    static final int LAST_PLEDGE_YEAR = 2023;
    /** Schedules may reach one year past the last pledge year. */
    static final int LAST_YEAR = LAST_PLEDGE_YEAR + 1;
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);

    enum Mix {
        /** Mostly new pledges and payments, some corrections and cancellations. */
        STEADY,
        /** Each pledge followed at once by its correction and then a cancellation or a payment. */
        CORRECT_RIGHT_AFTER
    }

    /** What one run did. */
    static final class Run {
        final AtomicInteger operations = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        final List<UUID> pledges = new ArrayList<>();
        final List<UUID> payments = new ArrayList<>();
        final ConcurrentLinkedQueue<String> rejected = new ConcurrentLinkedQueue<>();
        private final CountDownLatch done;
        private final List<Thread> threads = new ArrayList<>();

        Run(int workers) {
            done = new CountDownLatch(workers);
        }

        void await(Duration timeout) throws InterruptedException {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.forEach(Thread::interrupt);
                throw new IllegalStateException("The load did not finish within " + timeout);
            }
        }
    }

    private final Http http = new Http();
    private final List<String> urls;
    private final AtomicInteger nextInstance = new AtomicInteger();
    private final String token;
    private final Book book;
    private final AtomicInteger seeds = new AtomicInteger();

    LoadGenerator(List<String> contributionsUrls, String financeToken, Book book) {
        this.urls = List.copyOf(contributionsUrls);
        this.token = financeToken;
        this.book = book;
    }

    /** Starts {@code operations} requests spread over {@code workers} threads, and returns at once. */
    Run start(int operations, int workers, Mix mix) {
        Run run = new Run(workers);
        AtomicInteger budget = new AtomicInteger(operations);
        for (int i = 0; i < workers; i++) {
            long seed = 7919L * seeds.incrementAndGet();
            Thread thread = new Thread(() -> {
                try {
                    new Worker(new Random(seed), run, budget, mix).work();
                } finally {
                    run.done.countDown();
                }
            }, "load-" + i);
            run.threads.add(thread);
            thread.start();
        }
        return run;
    }

    /** Contributors and a EUR rate for every month the load uses; run once before any load. */
    void prepareReferenceData() throws IOException, InterruptedException {
        String url = urls.get(0);
        Map<String, String> types = new LinkedHashMap<>();
        types.put("SWE", "MEMBER_STATE");
        types.put("DEU", "MEMBER_STATE");
        types.put("NOR", "MEMBER_STATE");
        types.put("EC", "INTERGOVERNMENTAL");
        types.put("GCF", "MULTILATERAL_FUND");
        types.put("KFW", "DEVELOPMENT_BANK");
        types.put("GATES-FDN", "FOUNDATION");
        types.put("NAIROBI-CITY", "LOCAL_GOVERNMENT");
        for (Map.Entry<String, String> contributor : types.entrySet()) {
            ObjectNode body = Http.JSON.createObjectNode().put("name", "Contributor " + contributor.getKey()).put("type", contributor.getValue());
            expectOk(http.send("PUT", url + "/api/v1/contributors/" + contributor.getKey(), token, body.toString(), Map.of()));
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (int month = 1; month <= 12; month++) {
                String rate = new BigDecimal("0.8").add(new BigDecimal(month).movePointLeft(2)).add(new BigDecimal(year - FIRST_YEAR).movePointLeft(1)).toPlainString();
                ObjectNode body = Http.JSON.createObjectNode().put("unitsPerUsd", rate);
                expectOk(http.send("PUT", url + "/api/v1/exchange-rates/EUR/%d-%02d".formatted(year, month), token, body.toString(), Map.of()));
            }
        }
    }

    private static void expectOk(Http.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("Reference data refused: " + reply.status() + " " + reply.body());
        }
    }

    /** Sends one request until it has a definite answer, always with the same Idempotency-Key. */
    Http.Reply untilAnswered(Run run, String path, String body) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        long backoff = 100;
        int instance = nextInstance.getAndIncrement();
        boolean first = true;
        while (true) {
            if (!first) {
                run.retries.incrementAndGet();
                instance++;
            }
            first = false;
            try {
                String url = urls.get(Math.floorMod(instance, urls.size()));
                Http.Reply reply = http.send("POST", url + path, token, body, Map.of("Idempotency-Key", key));
                if (reply.status() >= 500) {
                    run.serverErrors.incrementAndGet();
                } else if (!(reply.status() == 409 && reply.body().contains("still being processed"))) {
                    return reply;
                }
            } catch (IOException noAnswer) {
                // Lost somewhere between here and the commit, or after it: the same key makes the retry safe.
            }
            if (Instant.now().isAfter(giveUp)) {
                return null;
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 2000);
        }
    }

    private final class Worker {
        private final Random random;
        private final Run run;
        private final AtomicInteger budget;
        private final Mix mix;
        private final List<Book.TrackedPledge> open = new ArrayList<>();

        Worker(Random random, Run run, AtomicInteger budget, Mix mix) {
            this.random = random;
            this.run = run;
            this.budget = budget;
            this.mix = mix;
        }

        void work() {
            try {
                while (budget.getAndDecrement() > 0) {
                    if (mix == Mix.CORRECT_RIGHT_AFTER) {
                        Book.TrackedPledge pledge = pledge();
                        if (pledge != null && budget.getAndDecrement() > 0) {
                            correct(pledge);
                            if (budget.getAndDecrement() > 0) {
                                if (random.nextBoolean()) {
                                    cancel(pledge);
                                } else {
                                    pay(pledge);
                                }
                            }
                        }
                        continue;
                    }
                    open.removeIf(pledge -> !pledge.owesSomething());
                    double dice = random.nextDouble();
                    if (open.isEmpty() || dice < 0.5) {
                        pledge();
                    } else if (dice < 0.85) {
                        pay(pick());
                    } else if (dice < 0.93) {
                        correct(pick());
                    } else {
                        cancel(pick());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Book.TrackedPledge pick() {
            return open.get(random.nextInt(open.size()));
        }

        private Book.TrackedPledge pledge() throws InterruptedException {
            String currency = random.nextInt(3) == 0 ? "EUR" : "USD";
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(100_000, 50_000_000), 2);
            LocalDate pledgedOn = LocalDate.of(FIRST_YEAR, 1, 1).plusDays(random.nextInt(365 * (LAST_PLEDGE_YEAR - FIRST_YEAR + 1)));
            Map<Integer, BigDecimal> schedule = new LinkedHashMap<>();
            if (random.nextInt(10) < 3) {
                BigDecimal first = amount.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.DOWN);
                schedule.put(pledgedOn.getYear(), first);
                schedule.put(pledgedOn.getYear() + 1, amount.subtract(first));
            } else {
                schedule.put(pledgedOn.getYear(), amount);
            }
            String reference = "CHAOS-" + UUID.randomUUID();
            ObjectNode body = Http.JSON.createObjectNode()
                    .put("contributorCode", CONTRIBUTORS.get(random.nextInt(CONTRIBUTORS.size())))
                    .put("budgetLine", LINES.get(random.nextInt(LINES.size())))
                    .put("earmarking", EARMARKING.get(random.nextInt(EARMARKING.size())))
                    .put("region", REGIONS.get(random.nextInt(REGIONS.size())))
                    .put("currency", currency)
                    .put("amount", amount.toPlainString())
                    .put("pledgedOn", pledgedOn.toString())
                    .put("reference", reference);
            body.set("schedule", scheduleJson(schedule));
            run.operations.incrementAndGet();
            Http.Reply reply = untilAnswered(run, "/api/v1/pledges", body.toString());
            if (!accepted(reply, "pledge")) {
                if (reply == null) {
                    book.unansweredReferences.add(reference);
                }
                return null;
            }
            UUID id = UUID.fromString(reply.json().get("id").asText());
            Book.TrackedPledge pledge = new Book.TrackedPledge(id, reference, currency, pledgedOn, schedule);
            book.pledges.put(id, pledge);
            synchronized (run) {
                run.pledges.add(id);
            }
            open.add(pledge);
            return pledge;
        }

        private void pay(Book.TrackedPledge pledge) throws InterruptedException {
            List<Integer> owing = pledge.scheduled.keySet().stream().filter(year -> pledge.outstanding(year).signum() > 0).toList();
            if (pledge.cancelled || owing.isEmpty()) {
                return;
            }
            int forYear = owing.get(random.nextInt(owing.size()));
            BigDecimal outstanding = pledge.outstanding(forYear);
            BigDecimal amount = random.nextInt(10) < 4 ? outstanding
                    : outstanding.multiply(BigDecimal.valueOf(10 + random.nextInt(50), 2)).setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
            int receivedYear = random.nextInt(10) < 3 && forYear < LAST_YEAR ? forYear + 1 : forYear;
            LocalDate receivedOn = LocalDate.of(receivedYear, 1, 1).plusDays(random.nextInt(365));
            if (receivedOn.isBefore(pledge.pledgedOn)) {
                receivedOn = pledge.pledgedOn;
            }
            ObjectNode body = Http.JSON.createObjectNode()
                    .put("amount", amount.toPlainString())
                    .put("currency", pledge.currency)
                    .put("receivedOn", receivedOn.toString())
                    .put("forYear", forYear);
            run.operations.incrementAndGet();
            Http.Reply reply = untilAnswered(run, "/api/v1/pledges/" + pledge.id + "/payments", body.toString());
            if (accepted(reply, "payment")) {
                pledge.paid.merge(forYear, amount, BigDecimal::add);
                UUID id = UUID.fromString(reply.json().get("id").asText());
                book.payments.add(id);
                synchronized (run) {
                    run.payments.add(id);
                }
            }
        }

        private void correct(Book.TrackedPledge pledge) throws InterruptedException {
            if (pledge.cancelled) {
                return;
            }
            Map<Integer, BigDecimal> schedule = new LinkedHashMap<>(pledge.scheduled);
            int year = List.copyOf(schedule.keySet()).get(random.nextInt(schedule.size()));
            schedule.merge(year, BigDecimal.valueOf(random.nextLong(100, 1_000_000), 2), BigDecimal::add);
            BigDecimal amount = schedule.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            ObjectNode body = Http.JSON.createObjectNode().put("amount", amount.toPlainString()).put("reason", "Chaos: the partner raised its pledge");
            body.set("schedule", scheduleJson(schedule));
            run.operations.incrementAndGet();
            if (accepted(untilAnswered(run, "/api/v1/pledges/" + pledge.id + "/corrections", body.toString()), "correction")) {
                pledge.scheduled.putAll(schedule);
                pledge.version++;
            }
        }

        private void cancel(Book.TrackedPledge pledge) throws InterruptedException {
            if (!pledge.owesSomething()) {
                return;
            }
            ObjectNode body = Http.JSON.createObjectNode().put("reason", "Chaos: the agreement was withdrawn");
            run.operations.incrementAndGet();
            if (accepted(untilAnswered(run, "/api/v1/pledges/" + pledge.id + "/cancellation", body.toString()), "cancellation")) {
                pledge.cancelled = true;
            }
        }

        private ArrayNode scheduleJson(Map<Integer, BigDecimal> schedule) {
            ArrayNode entries = Http.JSON.createArrayNode();
            schedule.forEach((year, amount) -> entries.addObject().put("year", year).put("amount", amount.toPlainString()));
            return entries;
        }

        private boolean accepted(Http.Reply reply, String what) {
            if (reply == null) {
                run.unanswered.incrementAndGet();
                return false;
            }
            if (reply.ok()) {
                run.acknowledged.incrementAndGet();
                return true;
            }
            run.rejected.add(what + " " + reply.status() + " " + reply.body());
            return false;
        }
    }
}
