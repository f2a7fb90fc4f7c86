package org.unhabitat.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.process.KafkaBrokerProcess;
import org.unhabitat.testing.process.LocalProcess;
import org.unhabitat.testing.process.ServiceProcess;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the suite's real processes under load, one fault per scenario, and proves after each that every
 * pledge and payment acknowledged to a client is in the ledger exactly once, that nothing else is, and
 * that reporting-service's figures equal the ledger's to the cent once it has had time to converge.
 * The scenarios run in order against one suite, and each checks the whole ledger, not only its own load;
 * the last one starts a cluster of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final int OPERATIONS = Integer.getInteger("chaos.operations", 200);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("chaos.outage-seconds", 10));
    private static final int HOSTILE_REQUESTS = Integer.getInteger("chaos.hostile-requests", 1000);
    private static final Duration CONVERGE = Duration.ofSeconds(Integer.getInteger("chaos.converge-seconds", 120));
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final int WORKERS = 4;
    private static final int CLUSTER_BROKERS = 3;
    private static final int CLUSTER_INSTANCES = 2;
    private static final List<String> TOPICS = List.of("targets.events", "contributions.events");
    /** A fault that may or may not catch the state it needs is tried this often before the scenario fails. */
    private static final int PREMISE_ATTEMPTS = 5;
    /** Leaves out the snapshot of last month, which reporting's hourly job takes on its own. */
    private static final String SCHEDULED_SNAPSHOT = " WHERE month <> to_char(now() - interval '1 month', 'YYYY-MM')";

    /** What a partner hears of: every event of the topic that announces a pledge's or a payment's change. */
    private static final List<String> ANNOUNCED = List.of("pledge.recorded", "pledge.corrected", "pledge.cancelled", "payment.recorded");
    /** Long enough per message that deliveries queue behind the receiver under the load. */
    private static final Duration RECEIVER_PAUSE = Duration.ofMillis(100);

    private static final List<ScenarioResult> RESULTS = new ArrayList<>();
    private static ChaosSuite suite;
    private static Book book;
    private static LoadGenerator load;
    private static String finance;
    private static Instant started;
    private static KafkaBrokerProcess killedBroker;

    @BeforeAll
    static void startTheSuiteAndItsReferenceData() throws Exception {
        started = Instant.now();
        suite = new ChaosSuite(1, 1);
        finance = suite.finance();
        book = new Book();
        load = new LoadGenerator(suite.urls("contributions"), finance, book);
        load.prepareReferenceData();
    }

    @AfterAll
    static void printTheTable() throws Exception {
        String settings = "operations per scenario %d, outage %d s, hostile requests %d, whole run %d s".formatted(
                OPERATIONS, OUTAGE.toSeconds(), HOSTILE_REQUESTS, Duration.between(started, Instant.now()).toSeconds());
        System.out.println("\nFault injection: " + settings + "\n" + ScenarioResult.table(RESULTS));
        ScenarioResult.write(RESULTS, Path.of(System.getProperty("chaos.results", "target/chaos-results.md")), settings);
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void postingGoesOnWhileTheBrokerIsDeadAndReportingCatchesUpOnceItIsBack() throws Exception {
        assertTopicsKeptForever();
        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.STEADY);
        awaitAcknowledged(run, OPERATIONS / 5);
        suite.brokers.get(0).kill();
        int before = run.acknowledged.get();
        LocalProcess.pause(OUTAGE);
        int duringOutage = run.acknowledged.get() - before;
        suite.brokers.get(0).restart();
        Instant back = Instant.now();
        run.await(LOAD_TIMEOUT);

        record(verify("1 broker SIGKILLed for " + OUTAGE.toSeconds() + " s", run, back,
                duringOutage + " acknowledged while the broker was dead"));
        assertTrue(duringOutage > 0, "nothing was acknowledged while the broker was dead");
    }

    @Test
    @Order(2)
    void aConsumerKilledMidBatchNeitherLosesNorDoubleCountsAnEvent() throws Exception {
        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.STEADY);
        awaitAcknowledged(run, OPERATIONS / 3);
        long notYetApplied = awaitReportingBehind(Duration.ofSeconds(60));
        suite.service("reporting").kill();
        suite.service("reporting").start();
        suite.service("reporting").awaitLive(Duration.ofSeconds(90));
        Instant back = Instant.now();
        run.await(LOAD_TIMEOUT);

        record(verify("2 reporting-service SIGKILLed while consuming", run, back,
                "killed with " + notYetApplied + " published events not yet applied; restarted at once"));
    }

    @Test
    @Order(3)
    void aProducerKilledWithEventsStillInItsOutboxPublishesThemAfterItsRestart() throws Exception {
        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.STEADY);
        awaitAcknowledged(run, OPERATIONS / 3);
        // The relay publishes within milliseconds of a commit, so a kill may land just after it emptied the
        // outbox: the premise is tried again, a few times, and the scenario fails if it never holds.
        long pendingAfterKill = 0;
        int kills = 0;
        while (pendingAfterKill == 0 && kills < PREMISE_ATTEMPTS) {
            awaitPendingOutboxRows(Duration.ofSeconds(20));
            suite.service("contributions").kill();
            kills++;
            pendingAfterKill = pendingOutboxRows();
            suite.service("contributions").start();
            suite.service("contributions").awaitLive(Duration.ofSeconds(90));
        }
        Instant back = Instant.now();
        assertTrue(pendingAfterKill > 0, "premise not met: no kill in " + kills + " left an outbox row unpublished");
        run.await(LOAD_TIMEOUT);

        record(verify("3 contributions-service SIGKILLed with outbox rows pending", run, back,
                pendingAfterKill + " outbox rows left unpublished by the killed process" + (kills > 1 ? " (kill " + kills + ")" : "")));
        assertEquals(0, pendingOutboxRows(), "outbox rows still unpublished after the restart");
    }

    @Test
    @Order(4)
    void whileTheDatabaseIsDownRequestsAreAnsweredWith503AndNoAcknowledgedWriteIsLost() throws Exception {
        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.STEADY);
        awaitAcknowledged(run, OPERATIONS / 3);
        suite.postgres.kill();
        Instant killed = Instant.now();
        Map<String, Http.Reply> answers = new LinkedHashMap<>();
        Map<String, Duration> took = new LinkedHashMap<>();
        Http http = new Http();
        String probeReference = "CHAOS-PROBE-" + UUID.randomUUID();
        String pledge = """
                {"contributorCode":"SWE","budgetLine":"REGULAR_BUDGET","earmarking":"NON_EARMARKED","region":"GLOBAL",
                 "currency":"USD","amount":"100.00","pledgedOn":"2022-01-10","reference":"%s"}""".formatted(probeReference);
        probe(answers, took, "POST pledge", () -> http.send("POST", suite.url("contributions") + "/api/v1/pledges", finance, pledge,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        probe(answers, took, "GET pledges", () -> http.get(suite.url("contributions") + "/api/v1/pledges?limit=1", finance));
        probe(answers, took, "GET targets", () -> http.get(suite.url("targets") + "/api/v1/targets?year=2021", null));
        probe(answers, took, "GET progress", () -> http.get(suite.url("reporting") + "/api/v1/progress?year=2021", null));
        Duration rest = OUTAGE.minus(Duration.between(killed, Instant.now()));
        if (!rest.isNegative()) {
            LocalProcess.pause(rest);
        }
        suite.postgres.restart();
        Instant back = Instant.now();
        run.await(LOAD_TIMEOUT);
        String seen = answers.entrySet().stream()
                .map(answer -> answer.getKey() + " " + answer.getValue().status() + " in " + took.get(answer.getKey()).toMillis() + " ms")
                .collect(Collectors.joining(", "));

        record(verify("4 PostgreSQL SIGKILLed for " + OUTAGE.toSeconds() + " s", run, back, "during the outage: " + seen));
        answers.forEach((request, reply) -> {
            assertEquals(503, reply.status(), request + " during the outage: " + reply.body());
            assertTrue(reply.isProblem(), request + " answered " + reply.contentType());
            assertTrue(took.get(request).compareTo(Duration.ofSeconds(10)) < 0, request + " took " + took.get(request));
        });
        for (String service : ChaosSuite.SERVICES) {
            suite.service(service).awaitReady(Duration.ofSeconds(60));
        }
    }

    @Test
    @Order(5)
    void retriesWithOneIdempotencyKeyRecordOnePledgeEvenWhenTheFirstResponseIsLost() throws Exception {
        Http http = new Http();
        String key = UUID.randomUUID().toString();
        String reference = "CHAOS-SAME-KEY-" + UUID.randomUUID();
        String body = pledgeBody(reference, "1234.56");
        int concurrent = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return http.send("POST", suite.url("contributions") + "/api/v1/pledges", finance, body, Map.of("Idempotency-Key", key));
            }));
        }
        go.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        for (Future<Http.Reply> future : replies) {
            Http.Reply reply = future.get(60, TimeUnit.SECONDS);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 201) {
                ids.add(reply.json().get("id").asText());
            }
        }
        pool.shutdown();
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 201 || status == 409),
                "answers to 50 identical requests: " + statuses);
        assertEquals(1, ids.size(), "ids given to 50 identical requests: " + ids);
        track(UUID.fromString(ids.iterator().next()), reference, "1234.56");

        String lostReference = "CHAOS-LOST-RESPONSE-" + UUID.randomUUID();
        String lostKey = UUID.randomUUID().toString();
        String lostBody = pledgeBody(lostReference, "789.00");
        boolean connectionDropped;
        try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(suite.service("contributions").port())) {
            try {
                http.send("POST", proxy.url() + "/api/v1/pledges", finance, lostBody, Map.of("Idempotency-Key", lostKey));
                connectionDropped = false;
            } catch (IOException expected) {
                connectionDropped = true;
            }
            assertEquals(1, proxy.dropped(), "the proxy did not see the committed answer");
        }
        Http.Reply retried = http.send("POST", suite.url("contributions") + "/api/v1/pledges", finance, lostBody, Map.of("Idempotency-Key", lostKey));
        assertEquals(201, retried.status(), retried.body());
        track(UUID.fromString(retried.json().get("id").asText()), lostReference, "789.00");

        Http.Reply otherBody = http.send("POST", suite.url("contributions") + "/api/v1/pledges", finance,
                pledgeBody(lostReference, "790.00"), Map.of("Idempotency-Key", lostKey));

        LoadGenerator.Run none = load.start(0, 1, LoadGenerator.Mix.STEADY);
        none.await(Duration.ofSeconds(5));
        ScenarioResult result = verify("5 retries: 50 concurrent with one key, a lost response, a reused key", none, Instant.now(),
                "50 identical: " + statuses + "; lost response retried: " + retried.status() + "; same key other body: " + otherBody.status());
        record(new ScenarioResult(result.scenario(), concurrent + 3, 2, result.lost() == 0 ? 2 : 0, result.inReports() >= 0 ? 2 : 0,
                result.lost(), result.duplicated(), result.converge(), result.note()));
        assertTrue(connectionDropped, "the client should have lost the first response");
        assertEquals(422, otherBody.status(), otherBody.body());
        assertTrue(otherBody.isProblem(), otherBody.contentType());
        Ledger ledger = Ledger.read(suite.url("contributions"), finance);
        assertEquals(1, ledger.referenceCounts().getOrDefault(reference, 0));
        assertEquals(1, ledger.referenceCounts().getOrDefault(lostReference, 0));
    }

    @Test
    @Order(6)
    void redeliveringEveryEventFromTheBeginningChangesNoTotal() throws Exception {
        Map<String, BigDecimal> before = Figures.read(suite.url("reporting"));
        suite.service("reporting").stop();
        long redelivered = rewindStoredPositionsToTheBeginning();
        suite.service("reporting").start();
        suite.service("reporting").awaitLive(Duration.ofSeconds(90));
        Instant back = Instant.now();
        awaitCaughtUp(CONVERGE);
        Duration replay = Duration.between(back, Instant.now());
        Map<String, BigDecimal> afterReplay = Figures.read(suite.url("reporting"));
        assertEquals(List.of(), Figures.differences(before, afterReplay), "figures changed by redelivery");

        Http.Reply rebuild = new Http().send("POST", suite.url("reporting") + "/api/v1/admin/rebuild", suite.admin(), null, Map.of());
        assertEquals(202, rebuild.status(), rebuild.body());
        Instant rebuilding = Instant.now();
        LoadGenerator.Run none = load.start(0, 1, LoadGenerator.Mix.STEADY);
        none.await(Duration.ofSeconds(5));
        ScenarioResult result = verify("6 redelivery: stored positions rewound to 0, then admin rebuild", none, rebuilding,
                redelivered + " events redelivered, replay caught up in " + replay.toMillis() + " ms; rebuild converged");
        int entries = book.acknowledged();
        record(new ScenarioResult(result.scenario(), (int) redelivered, entries, entries - result.lost(),
                entries - result.lost(), result.lost(), result.duplicated(), result.converge(), result.note()));
        assertEquals(List.of(), Figures.differences(before, Figures.read(suite.url("reporting"))), "figures changed by the rebuild");
    }

    @Test
    @Order(7)
    void poisonEventsGoToTheDeadLetterTopicWithTheirReasonAndConsumptionGoesOn() throws Exception {
        String malformedKey = "poison-" + UUID.randomUUID();
        String unknownVersionKey = "poison-" + UUID.randomUUID();
        KafkaRecords.publish(suite.bootstrapServers(), "contributions.events", malformedKey, UUID.randomUUID().toString(),
                "org.unhabitat.pledge.recorded.v1", "{\"pledgeId\": this is not JSON");
        KafkaRecords.publish(suite.bootstrapServers(), "contributions.events", unknownVersionKey, UUID.randomUUID().toString(),
                "org.unhabitat.pledge.recorded.v9", "{\"pledgeId\":\"" + UUID.randomUUID() + "\"}");
        String foreignKey = "poison-" + UUID.randomUUID();
        KafkaRecords.publishAs("urn:intruder", suite.bootstrapServers(), "contributions.events", foreignKey, UUID.randomUUID().toString(),
                "org.unhabitat.pledge.cancelled.v1", "{\"pledgeId\":\"" + UUID.randomUUID() + "\",\"version\":2}");
        // A bug of reporting's own, played by a constraint: every payment from Norway fails to apply while it holds.
        executeInReporting("ALTER TABLE income_by_day ADD CONSTRAINT chaos_stands_in_for_a_bug CHECK (contributor_code <> 'NOR') NOT VALID");
        LoadGenerator.Run run;
        JsonNode listed;
        try {
            run = load.start(Math.max(20, OPERATIONS / 10), WORKERS, LoadGenerator.Mix.STEADY);
            run.await(LOAD_TIMEOUT);
            // A parked event moves its partition's position on: caught up here means every event applied or listed.
            awaitCaughtUp(CONVERGE);
            listed = deadLetterList();
        } finally {
            executeInReporting("ALTER TABLE income_by_day DROP CONSTRAINT IF EXISTS chaos_stands_in_for_a_bug");
        }
        long parked = count(listed, "PARKED");
        long rejected = count(listed, "REJECTED");
        assertTrue(parked > 0, "premise not met: no payment from Norway was parked while the constraint held");
        Http.Reply redriven = new Http().send("POST", suite.url("reporting") + "/api/v1/admin/dead-letters/redrive", suite.admin(),
                null, Map.of());
        assertEquals(200, redriven.status(), redriven.body());
        Instant published = Instant.now();
        ScenarioResult result = verify("7 poison and a bug: a malformed event, an unknown version, a foreign source, payments reporting could not apply",
                run, published, "");

        List<ConsumerRecord<String, String>> deadLetters = KafkaRecords.readUntil(suite.bootstrapServers(), "reporting.dead-letter",
                records -> keys(records).containsAll(List.of(malformedKey, unknownVersionKey, foreignKey)), Duration.ofSeconds(60));
        Map<String, String> reasons = deadLetters.stream()
                .filter(record -> record.key() != null && record.key().startsWith("poison-"))
                .filter(record -> List.of(malformedKey, unknownVersionKey, foreignKey).contains(record.key()))
                .collect(Collectors.toMap(ConsumerRecord::key, record -> String.valueOf(KafkaRecords.header(record, "dead-letter-reason")), (a, b) -> a));
        record(new ScenarioResult(result.scenario(), result.operations() + 3, result.acknowledged(), result.inLedger(), result.inReports(),
                result.lost(), result.duplicated(), result.converge(), "dead-lettered: malformed: " + shorten(reasons.get(malformedKey))
                + "; unknown version: " + shorten(reasons.get(unknownVersionKey)) + "; foreign source: " + shorten(reasons.get(foreignKey))
                + "; " + parked + " payments parked, then redriven: "
                + redriven.body()));
        assertTrue(reasons.containsKey(malformedKey), "the malformed event is not in reporting.dead-letter");
        assertTrue(reasons.containsKey(unknownVersionKey), "the unknown version is not in reporting.dead-letter");
        assertTrue(reasons.containsKey(foreignKey), "the event from a foreign source is not in reporting.dead-letter");
        reasons.values().forEach(reason -> assertFalse(reason.isBlank() || reason.equals("null"), "a dead letter without a reason"));
        assertTrue(rejected >= 3, "the poison events are listed for the admin: " + listed);
        assertEquals(parked, redriven.json().get("redriven").asLong(), "every parked payment applies once the bug is gone");
        assertEquals(rejected, redriven.json().get("stillFailing").asLong(), "poison stays poison");
        assertEquals(0, count(deadLetterList(), "PARKED"), "parked payments leave the list once applied");
    }

    @Test
    @Order(8)
    void aThousandHostileRequestsGetProblemAnswersNeverA5xxAndWriteNothing() throws Exception {
        Map<String, Long> rowsBefore = rowCounts();
        HostileRequests hostile = new HostileRequests(20261127L, suite, List.copyOf(book.pledges.keySet()));
        Http http = new Http();
        int serverErrors = 0;
        int accepted = 0;
        int notProblem = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < HOSTILE_REQUESTS; i++) {
            HostileRequests.Request request = hostile.next();
            Http.Reply reply = http.send(request.method(), suite.url(request.service()) + request.path(), request.token(),
                    request.body(), request.headers());
            statuses.merge(reply.status(), 1, Integer::sum);
            boolean failed = false;
            if (reply.status() >= 500) {
                serverErrors++;
                failed = true;
            } else if (reply.status() < 400) {
                accepted++;
                failed = true;
            } else if (!reply.isProblem()) {
                notProblem++;
                failed = true;
            }
            if (failed && failures.size() < 20) {
                failures.add(reply.status() + " " + reply.contentType() + " for " + request.describe() + " -> " + shorten(reply.body()));
            }
        }
        Map<String, Long> rowsAfter = rowCounts();
        Map<String, Long> written = new TreeMap<>();
        rowsAfter.forEach((table, count) -> {
            if (!count.equals(rowsBefore.get(table))) {
                written.put(table, count - rowsBefore.getOrDefault(table, 0L));
            }
        });
        long rows = written.values().stream().mapToLong(Long::longValue).sum();
        record(new ScenarioResult("8 hostile input to every write endpoint", HOSTILE_REQUESTS, accepted, 0, 0, 0, (int) rows, null,
                "statuses " + statuses + "; 5xx " + serverErrors + "; not problem+json " + notProblem + "; rows written " + rows));
        assertEquals(List.of(), failures, "hostile requests that were not refused with problem+json");
        assertEquals(Map.of(), written, "rows written by hostile requests");
    }

    @Test
    @Order(9)
    void aCorrectionAndACancellationRightBehindTheirPledgeAreAppliedInOrder() throws Exception {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of("contributions.events")).allTopicNames().get()
                    .get("contributions.events").partitions().size();
            assertTrue(partitions > 1, "contributions.events has only " + partitions + " partition");
        }
        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.CORRECT_RIGHT_AFTER);
        run.await(LOAD_TIMEOUT);
        record(verify("9 ordering: correction and cancellation right behind the pledge", run, Instant.now(),
                "each pledge corrected at once, then cancelled or paid"));
    }

    /**
     * A partner's endpoint for every contributor, while contributions-service is SIGKILLed with deliveries still
     * queued. After the restart, every pledge and payment event published since the endpoint was created must reach
     * it at least once, each time under its webhook-id and with the same body, and each pledge's messages must first
     * arrive in the order of its events on the topic.
     */
    @Test
    @Order(10)
    void aWebhookEndpointGetsEveryEventInOrderPerPledgeAfterContributionsIsKilledWithDeliveriesPending() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(RECEIVER_PAUSE)) {
            Http.Reply created = new Http().send("POST", suite.url("contributions") + "/api/v1/webhooks", finance,
                    "{\"url\":\"%s\",\"events\":[%s]}".formatted(receiver.url(),
                            ANNOUNCED.stream().map(name -> '"' + name + '"').collect(Collectors.joining(","))), Map.of());
            assertEquals(201, created.status(), created.body());
            receiver.trust(created.json().get("secret").asText());
            Instant subscribed = Instant.parse(created.json().get("createdAt").asText());

            LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.STEADY);
            awaitAcknowledged(run, OPERATIONS / 3);
            // Deliveries drain between the look and the kill at times, as the outbox does in scenario 3.
            long pendingAfterKill = 0;
            int kills = 0;
            while (pendingAfterKill == 0 && kills < PREMISE_ATTEMPTS) {
                awaitPendingDeliveries(Duration.ofSeconds(20));
                suite.service("contributions").kill();
                kills++;
                pendingAfterKill = pendingDeliveries();
                suite.service("contributions").start();
                suite.service("contributions").awaitLive(Duration.ofSeconds(90));
            }
            Instant back = Instant.now();
            assertTrue(pendingAfterKill > 0, "premise not met: no kill in " + kills + " left a webhook delivery pending");
            run.await(LOAD_TIMEOUT);

            Map<String, List<String>> messagesPerPledge = announcedSince(subscribed);
            Set<String> expected = messagesPerPledge.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            Instant deadline = Instant.now().plus(CONVERGE);
            while (!receivedIds(receiver).containsAll(expected) && Instant.now().isBefore(deadline)) {
                LocalProcess.pause(Duration.ofMillis(200));
            }
            List<WebhookReceiver.Receipt> receipts = receiver.receipts();
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(receivedIds(receiver));
            long redelivered = receipts.size() - receipts.stream().map(WebhookReceiver.Receipt::webhookId).distinct().count();

            record(verify("10 webhooks: contributions-service SIGKILLed with deliveries pending", run, back,
                    pendingAfterKill + " deliveries pending at the kill" + (kills > 1 ? " (kill " + kills + ")" : "") + "; "
                            + expected.size() + " messages for " + messagesPerPledge.size() + " pledges, "
                            + (expected.size() - missing.size()) + " received, " + redelivered + " received again"));
            assertEquals(0, receiver.badSignatures(), "messages whose signature did not verify");
            assertEquals(Set.of(), missing, "messages never delivered");
            assertEquals(List.of(), pledgesOutOfOrder(messagesPerPledge, receipts), "pledges whose messages first arrived out of order");
            assertEquals(List.of(), redeliveriesWithAnotherBody(receipts), "webhook-ids delivered again with another body");
        }
    }

    /**
     * Last, because it replaces the single-node suite with a fresh one of three Kafka nodes and two
     * instances of each service. The killed node and instances stay dead to the end: what is left must
     * take every write, publish every outbox row and converge on its own, as after losing a machine.
     */
    @Test
    @Order(11)
    void aClusterLosesABrokerAndAnInstanceOfEachServiceUnderLoadAndTheRestCarryOn() throws Exception {
        suite.close();
        suite = new ChaosSuite(CLUSTER_BROKERS, CLUSTER_INSTANCES);
        finance = suite.finance();
        book = new Book();
        load = new LoadGenerator(suite.urls("contributions"), finance, book);
        load.prepareReferenceData();

        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.STEADY);
        awaitAcknowledged(run, OPERATIONS / 5);
        // The active controller, so that the quorum has to elect another leader while partitions fail over.
        KafkaBrokerProcess broker = KafkaBrokerProcess.activeController(suite.brokers);
        broker.kill();
        killedBroker = broker;
        for (String service : ChaosSuite.SERVICES) {
            suite.instances(service).get(1).kill();
        }
        int before = run.acknowledged.get();
        run.await(LOAD_TIMEOUT);
        int afterKill = run.acknowledged.get() - before;

        record(verify("11 cluster: 1 of 3 brokers and 1 of 2 instances of each service SIGKILLed, not restarted", run, Instant.now(),
                "killed the active controller (node " + broker.nodeId() + ") and contributions, targets and reporting instance 2 at "
                        + before + " acknowledged; " + afterKill + " acknowledged after"));
        assertTrue(afterKill > 0, "nothing was acknowledged after the kills");
    }

    /**
     * The same cluster made whole again. Each pledge is corrected and then cancelled or paid right
     * behind its creation, through both contributions instances, so that two relays publish from one
     * outbox while each pledge's events must stay in order; then one reporting instance is asked to
     * rebuild, and the read model must come back from the partitions that both instances own.
     */
    @Test
    @Order(12)
    void theClusterWholeAgainKeepsEachPledgesOrderAcrossTwoRelaysAndRebuildsAcrossBothReportingInstances() throws Exception {
        killedBroker.restart();
        for (String service : ChaosSuite.SERVICES) {
            suite.instances(service).get(1).start();
        }
        for (String service : ChaosSuite.SERVICES) {
            suite.instances(service).get(1).awaitReady(Duration.ofSeconds(120));
        }
        LoadGenerator.Run run = load.start(OPERATIONS, WORKERS, LoadGenerator.Mix.CORRECT_RIGHT_AFTER);
        run.await(LOAD_TIMEOUT);
        String otherReporting = suite.instances("reporting").get(1).url();
        Http.Reply rebuild = new Http().send("POST", otherReporting + "/api/v1/admin/rebuild", suite.admin(), null, Map.of());
        assertEquals(202, rebuild.status(), rebuild.body());

        record(verify("12 cluster whole again: ordering through two relays, then a rebuild asked of reporting instance 2",
                run, Instant.now(), "node " + killedBroker.nodeId() + " and the three instances restarted; "
                        + "each pledge corrected at once, then cancelled or paid; the rebuild emptied the read model"));
    }

    /**
     * The same cluster: a rebuild asked of reporting instance 1, and instance 2 SIGKILLed while it replays its
     * own partitions. Instance 1 takes them over from the positions instance 2 stored: nothing skipped, nothing
     * counted twice. Ballast pledges of a year no report of the load reads make the replay long enough to be
     * caught in the middle; the scenario fails if it is not.
     */
    @Test
    @Order(13)
    void aRebuildAskedOfOneInstanceWhileTheOtherIsKilledMidReplayLeavesNoEventOut() throws Exception {
        int ballast = publishBallast(Math.max(20_000, OPERATIONS * 3));
        awaitCaughtUp(CONVERGE);
        ServiceProcess asked = suite.instances("reporting").get(0);
        ServiceProcess killed = suite.instances("reporting").get(1);

        Http.Reply rebuild = new Http().send("POST", asked.url() + "/api/v1/admin/rebuild", suite.admin(), null, Map.of());
        assertEquals(202, rebuild.status(), rebuild.body());
        Instant rebuilding = Instant.now();
        String midReplay = awaitMidReplay(killed, Duration.ofSeconds(60));
        killed.kill();
        LoadGenerator.Run none = load.start(0, 1, LoadGenerator.Mix.STEADY);
        none.await(Duration.ofSeconds(5));

        ScenarioResult result = verify("13 cluster: a rebuild asked of reporting instance 1, instance 2 SIGKILLed mid-replay", none,
                rebuilding, "killed while " + midReplay + "; " + ballast + " ballast events replayed too");
        awaitCaughtUp(CONVERGE);
        assertEquals(ballast, ballastPledgesInTheReadModel(), "ballast pledges in the rebuilt read model");
        int entries = book.acknowledged();
        record(new ScenarioResult(result.scenario(), ballast, entries, entries - result.lost(), entries - result.lost(),
                result.lost(), result.duplicated(), result.converge(), result.note()));
    }

    // --- the invariant -------------------------------------------------------------------------------

    /** Waits for reporting to equal the ledger, then checks the ledger against what clients were told. */
    private static ScenarioResult verify(String scenario, LoadGenerator.Run run, Instant faultEnded, String note) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        List<String> differences = List.of("not compared yet");
        Ledger ledger = null;
        Map<String, BigDecimal> expected = Map.of();
        Map<String, BigDecimal> reported = Map.of();
        while (Instant.now().isBefore(deadline)) {
            try {
                ledger = Ledger.read(suite.url("contributions"), finance);
                expected = ledger.expectedFigures();
                reported = Figures.read(suite.url("reporting"));
                differences = Figures.differences(expected, reported);
                if (differences.isEmpty()) {
                    break;
                }
            } catch (IOException notAnsweringYet) {
                differences = List.of(notAnsweringYet.getMessage());
            }
            LocalProcess.pause(Duration.ofMillis(500));
        }
        Duration converge = Duration.between(faultEnded, Instant.now());
        if (ledger == null) {
            throw new AssertionError(scenario + ": the ledger could not be read: " + differences);
        }
        List<UUID> runPledges;
        List<UUID> runPayments;
        synchronized (run) {
            runPledges = List.copyOf(run.pledges);
            runPayments = List.copyOf(run.payments);
        }
        LedgerCheck check = LedgerCheck.of(ledger, book, runPledges, runPayments);
        int acknowledged = run.acknowledged.get();
        int inLedger = acknowledged - check.lostInRun();
        ScenarioResult result = new ScenarioResult(scenario, run.operations.get(), acknowledged, inLedger,
                differences.isEmpty() ? inLedger : 0, check.lost(), check.duplicated(), differences.isEmpty() ? converge : null,
                note + (run.retries.get() > 0 ? "; " + run.retries.get() + " retries, " + run.serverErrors.get() + " 5xx retried" : "")
                        + (differences.isEmpty() ? "" : "; report - ledger received: " + Figures.receivedDelta(expected, reported) + " USD"));
        if (!check.problems().isEmpty() || !differences.isEmpty() || run.unanswered.get() > 0 || !run.rejected.isEmpty()) {
            RESULTS.add(result);
            String failure = scenario + ": " + run.unanswered.get() + " requests never answered\nrefused: "
                    + String.join("\n  ", run.rejected.stream().limit(10).toList()) + "\nledger: "
                    + String.join("\n  ", check.problems().subList(0, Math.min(20, check.problems().size())))
                    + "\nreports: " + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())));
            System.out.println(failure);
            throw new AssertionError(failure);
        }
        return result;
    }

    private static void record(ScenarioResult result) {
        System.out.println(result.row());
        RESULTS.add(result);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** A scenario's fault comes once part of its load is in: a load that never gets there fails the scenario. */
    private static void awaitAcknowledged(LoadGenerator.Run run, int count) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (run.acknowledged.get() < count && Instant.now().isBefore(deadline)) {
            LocalProcess.pause(Duration.ofMillis(20));
        }
        if (run.acknowledged.get() < count) {
            throw new AssertionError("premise not met: " + run.acknowledged.get() + " of the " + count
                    + " acknowledged operations the fault waits for, within 2 minutes");
        }
    }

    private static void awaitPendingOutboxRows(Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection connection = suite.database("contributions"); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet pending = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                    pending.next();
                    if (pending.getLong(1) > 0) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("premise not met: no outbox row was pending within " + timeout);
    }

    /**
     * Waits until reporting has applied less than has been published, and returns by how many events: a
     * consumer killed then is killed while it consumes.
     */
    private static long awaitReportingBehind(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                long behind = eventsNotYetApplied(admin);
                if (behind > 0) {
                    return behind;
                }
                LocalProcess.pause(Duration.ofMillis(5));
            }
        }
        throw new AssertionError("premise not met: reporting never lagged behind the topics within " + timeout);
    }

    /** Events published and not yet applied (or parked, or listed as poison), from the positions reporting stores. */
    private static long eventsNotYetApplied(Admin admin) throws Exception {
        Map<TopicPartition, Long> stored = storedPositions();
        long behind = 0;
        for (String topic : TOPICS) {
            for (Map.Entry<TopicPartition, Long> end : endOffsets(admin, topic).entrySet()) {
                behind += Math.max(0, end.getValue() - stored.getOrDefault(end.getKey(), 0L));
            }
        }
        return behind;
    }

    private static Map<TopicPartition, Long> storedPositions() throws SQLException {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection connection = suite.database("reporting"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT topic, partition_no, next_offset FROM consumer_position")) {
            while (rows.next()) {
                positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        }
        return positions;
    }

    /** Defect 8 of issue 14: a broker's default retention would lose events that a rebuild replays. */
    private static void assertTopicsKeptForever() throws Exception {
        try (Admin admin = admin()) {
            for (String topic : TOPICS) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String retention = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                        .get(TopicConfig.RETENTION_MS_CONFIG).value();
                assertEquals("-1", retention, topic + " retention.ms on the chaos brokers");
            }
        }
    }

    private static void awaitPendingDeliveries(Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (pendingDeliveries() > 0) {
                return;
            }
            LocalProcess.pause(Duration.ofMillis(5));
        }
        throw new AssertionError("premise not met: no webhook delivery was pending within " + timeout);
    }

    private static long pendingDeliveries() throws SQLException {
        try (Connection connection = suite.database("contributions"); Statement statement = connection.createStatement();
             ResultSet pending = statement.executeQuery("SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'")) {
            pending.next();
            return pending.getLong(1);
        }
    }

    /**
     * The webhook-id of each announced event published since {@code since}, per pledge in the topic's order, read
     * from the topic once the outbox is empty. The relay may have published an event twice; the first counts.
     */
    private static Map<String, List<String>> announcedSince(Instant since) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        while (pendingOutboxRows() > 0 && Instant.now().isBefore(deadline)) {
            LocalProcess.pause(Duration.ofMillis(100));
        }
        assertEquals(0, pendingOutboxRows(), "outbox rows still unpublished");
        long published;
        try (Admin admin = admin()) {
            published = endOffsets(admin, "contributions.events").values().stream().mapToLong(Long::longValue).sum();
        }
        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(suite.bootstrapServers(), "contributions.events",
                read -> read.size() >= published, Duration.ofSeconds(60));
        assertTrue(records.size() >= published, "read " + records.size() + " of the " + published + " records of contributions.events");
        Map<String, List<String>> perPledge = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : KafkaRecords.distinctEvents(records)) {
            String type = KafkaRecords.header(record, "ce_type");
            boolean announced = ANNOUNCED.stream().anyMatch(name -> type.startsWith("org.unhabitat." + name + ".v"));
            if (announced && !Instant.ofEpochMilli(record.timestamp()).isBefore(since)) {
                perPledge.computeIfAbsent(record.key(), pledge -> new ArrayList<>()).add("msg_" + KafkaRecords.header(record, "ce_id"));
            }
        }
        return perPledge;
    }

    private static Set<String> receivedIds(WebhookReceiver receiver) {
        return receiver.receipts().stream().map(WebhookReceiver.Receipt::webhookId).collect(Collectors.toSet());
    }

    /** Pledges whose messages did not first arrive in the order of their events, each with the order seen. */
    private static List<String> pledgesOutOfOrder(Map<String, List<String>> messagesPerPledge, List<WebhookReceiver.Receipt> receipts) {
        Map<String, Integer> firstArrival = new HashMap<>();
        for (int i = 0; i < receipts.size(); i++) {
            firstArrival.putIfAbsent(receipts.get(i).webhookId(), i);
        }
        List<String> outOfOrder = new ArrayList<>();
        messagesPerPledge.forEach((pledge, messages) -> {
            List<String> arrived = messages.stream().filter(firstArrival::containsKey)
                    .sorted(Comparator.comparing(firstArrival::get)).toList();
            if (!arrived.equals(messages.stream().filter(firstArrival::containsKey).toList())) {
                outOfOrder.add(pledge + ": published " + messages + ", arrived " + arrived);
            }
        });
        return outOfOrder;
    }

    private static List<String> redeliveriesWithAnotherBody(List<WebhookReceiver.Receipt> receipts) {
        Map<String, byte[]> first = new HashMap<>();
        List<String> differing = new ArrayList<>();
        for (WebhookReceiver.Receipt receipt : receipts) {
            byte[] body = first.putIfAbsent(receipt.webhookId(), receipt.body());
            if (body != null && !Arrays.equals(body, receipt.body())) {
                differing.add(receipt.webhookId());
            }
        }
        return differing;
    }

    private static long pendingOutboxRows() throws SQLException {
        try (Connection connection = suite.database("contributions"); Statement statement = connection.createStatement();
             ResultSet pending = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            pending.next();
            return pending.getLong(1);
        }
    }

    /**
     * Rows in every table of the three databases, except the migration history, and the month-end snapshot
     * that reporting's hourly job takes of last month by itself, whenever it finds none.
     */
    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : ChaosSuite.SERVICES) {
            try (Connection connection = suite.database(service); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet names = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'")) {
                    while (names.next()) {
                        tables.add(names.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table + "\""
                            + (service.equals("reporting") && table.equals("monthly_snapshot") ? SCHEDULED_SNAPSHOT : ""))) {
                        count.next();
                        counts.put(service + "." + table, count.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private interface Probe {
        Http.Reply send() throws Exception;
    }

    private static void probe(Map<String, Http.Reply> answers, Map<String, Duration> took, String name, Probe probe) throws Exception {
        Instant start = Instant.now();
        Http.Reply reply;
        try {
            reply = probe.send();
        } catch (IOException noAnswer) {
            reply = new Http.Reply(0, null, null, String.valueOf(noAnswer));
        }
        answers.put(name, reply);
        took.put(name, Duration.between(start, Instant.now()));
        if (name.startsWith("POST") && reply.ok()) {
            throw new AssertionError("a pledge was accepted while the database was down: " + reply.body());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers()));
    }

    private static void executeInReporting(String sql) throws SQLException {
        try (Connection connection = suite.database("reporting"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static JsonNode deadLetterList() throws Exception {
        Http.Reply reply = new Http().get(suite.url("reporting") + "/api/v1/admin/dead-letters?limit=500", suite.admin());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("items");
    }

    private static long count(JsonNode deadLetters, String kind) {
        long count = 0;
        for (JsonNode entry : deadLetters) {
            count += kind.equals(entry.get("kind").asText()) ? 1 : 0;
        }
        return count;
    }

    private static final int BALLAST_YEAR = 1999;

    /** Pledges of {@link #BALLAST_YEAR}, as contributions-service's relay would publish them, acknowledged by all replicas. */
    private static int publishBallast(int count) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String pledgeId = UUID.randomUUID().toString();
                ProducerRecord<String, String> record = new ProducerRecord<>("contributions.events", pledgeId, """
                        {"pledgeId":"%s","version":1,"contributor":{"code":"BALLAST","name":"Ballast","type":"FOUNDATION"},
                         "budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED","region":"GLOBAL","currency":"USD",
                         "amount":"10.00","fxRate":"1","usdAmount":"10.00","pledgedOn":"%d-06-15",
                         "schedule":[{"year":%d,"amount":"10.00","usdAmount":"10.00"}],"multiYear":false}"""
                        .formatted(pledgeId, BALLAST_YEAR, BALLAST_YEAR));
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "org.unhabitat.pledge.recorded.v1",
                                "ce_source", KafkaRecords.ownerOf("contributions.events"), "content-type", "application/json")
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(2, TimeUnit.MINUTES);
            }
        }
        return count;
    }

    private static long ballastPledgesInTheReadModel() throws SQLException {
        try (Connection connection = suite.database("reporting"); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT count(*) FROM pledge WHERE EXTRACT(YEAR FROM pledged_on) = " + BALLAST_YEAR)) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Waits until {@code instance} has begun replaying a partition it owns and not finished it, and says
     * which; the instance names its consumers with its process id, then each consumer's number.
     */
    private static String awaitMidReplay(ServiceProcess instance, Duration timeout) throws Exception {
        String ofInstance = "-" + instance.pid() + "-";
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                Set<TopicPartition> owned = admin.describeConsumerGroups(List.of("reporting-service.contributions"))
                        .all().get(10, TimeUnit.SECONDS).get("reporting-service.contributions").members().stream()
                        .filter(member -> member.clientId().contains(ofInstance))
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .collect(Collectors.toSet());
                Map<TopicPartition, Long> ends = endOffsets(admin, "contributions.events");
                Map<TopicPartition, Long> stored = storedPositions();
                for (TopicPartition partition : owned) {
                    long position = stored.getOrDefault(partition, 0L);
                    if (position > 0 && position < ends.get(partition)) {
                        return partition + " stood at offset " + position + " of " + ends.get(partition);
                    }
                }
                LocalProcess.pause(Duration.ofMillis(5));
            }
        }
        throw new AssertionError("premise not met: reporting instance 2 was never seen in the middle of its replay within " + timeout);
    }

    /**
     * Sets every position reporting stores back to the beginning of its partition, as if nothing had been
     * consumed, while its inbox keeps every event applied; reporting must not run meanwhile.
     *
     * @return how many events are redelivered
     */
    private static long rewindStoredPositionsToTheBeginning() throws Exception {
        long events = 0;
        try (Admin admin = admin()) {
            for (String topic : TOPICS) {
                events += endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
            }
        }
        try (Connection connection = suite.database("reporting"); Statement statement = connection.createStatement()) {
            int rewound = statement.executeUpdate("UPDATE consumer_position SET next_offset = 0");
            assertTrue(rewound > 0, "premise not met: reporting stored no position to rewind");
        }
        return events;
    }

    /** Reporting's stored positions, not Kafka's committed offsets, say how far it has applied the topics. */
    private static void awaitCaughtUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                if (eventsNotYetApplied(admin) == 0) {
                    return;
                }
                LocalProcess.pause(Duration.ofMillis(200));
            }
        }
        throw new AssertionError("reporting-service did not catch up with the topics within " + timeout);
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }

    private static void track(UUID id, String reference, String amount) {
        book.pledges.put(id, new Book.TrackedPledge(id, reference, "USD", LocalDate.of(2022, 3, 1),
                Map.of(2022, new BigDecimal(amount))));
    }

    private static String pledgeBody(String reference, String amount) {
        return """
                {"contributorCode":"DEU","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED","region":"AFRICA",
                 "currency":"USD","amount":"%s","pledgedOn":"2022-03-01","reference":"%s"}""".formatted(amount, reference);
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static String shorten(String text) {
        if (text == null) {
            return "none";
        }
        String oneLine = text.replace('\n', ' ').replace('|', '/');
        return oneLine.length() > 140 ? oneLine.substring(0, 140) + "..." : oneLine;
    }
}
