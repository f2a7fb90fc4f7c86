package org.unhabitat.devkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of deploy/bench.sh that wrk and pgbench cannot do: posting pledges at a fixed rate
 * (open loop, so a slow response does not hide the requests that should have followed it), the lag
 * from a pledge's commit to /api/v1/progress, and publishing valid events for the replay benchmark.
 * Each command prints one line of {@code key=value} pairs that bench.sh reads.
 *
 * <pre>
 * BenchProbe KEY_DIR ISSUER AUDIENCE register CONTRIBUTIONS_URL
 * BenchProbe KEY_DIR ISSUER AUDIENCE rate     CONTRIBUTIONS_URL PER_SECOND SECONDS
 * BenchProbe KEY_DIR ISSUER AUDIENCE lag      CONTRIBUTIONS_URL REPORTING_URL PER_SECOND SECONDS CONTRIBUTIONS_JDBC_URL REPORTING_JDBC_URL
 * BenchProbe KEY_DIR ISSUER AUDIENCE publish  BOOTSTRAP_SERVERS COUNT
 * BenchProbe KEY_DIR ISSUER AUDIENCE rebuild  REPORTING_URL REPORTING_JDBC_URL EVENTS TIMEOUT_SECONDS
 * </pre>
 */
public final class BenchProbe {

    public static final String CONTRIBUTOR = "BENCH";
    /** Background pledges fall in this year; lag markers in {@link #MARKER_YEAR}, so that each marker is seen alone. */
    public static final int LOAD_YEAR = 2004;
    public static final int MARKER_YEAR = 2003;
    /** Events published for the replay benchmark, in a year of their own. */
    public static final int REPLAY_YEAR = 2005;

    private static final Pattern PLEDGED = Pattern.compile("\"pledgedUsd\":\"?([0-9.]+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final DevTokens tokens;
    private String progressEtag;
    private BigDecimal progressTotal;

    private BenchProbe(DevTokens tokens) {
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: BenchProbe KEY_DIR ISSUER AUDIENCE register|rate|lag|publish ARGS...");
            System.exit(2);
        }
        BenchProbe probe = new BenchProbe(DevTokens.fromKeyDirectory(Path.of(args[0]), args[1], args[2]));
        String[] rest = Arrays.copyOfRange(args, 4, args.length);
        switch (args[3]) {
            case "register" -> probe.register(rest[0]);
            case "rate" -> probe.rate(rest[0], Double.parseDouble(rest[1]), Double.parseDouble(rest[2]), Double.parseDouble(rest[3]));
            case "lag" -> probe.lag(rest[0], rest[1], Double.parseDouble(rest[2]), Double.parseDouble(rest[3]),
                    Double.parseDouble(rest[4]), rest[5], rest[6]);
            case "publish" -> publish(rest[0], Integer.parseInt(rest[1]));
            case "rebuild" -> probe.rebuild(rest[0], rest[1], Long.parseLong(rest[2]), Double.parseDouble(rest[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[3]);
        }
    }

    private void register(String contributionsUrl) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(contributionsUrl + "/api/v1/contributors/" + CONTRIBUTOR))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.mint("finance", null, Duration.ofHours(1)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark partner\",\"type\":\"FOUNDATION\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Registering " + CONTRIBUTOR + " failed: " + response.statusCode() + " " + response.body());
        }
        System.out.println("registered=" + CONTRIBUTOR);
    }

    /**
     * Posts pledges at a fixed rate and reports the latency of each from the moment it was due. The same load
     * runs for {@code warmUpSeconds} first and is not counted: a fresh JVM's first requests (class loading, its
     * HTTP client and JIT) are the probe's own start, not the service's latency.
     */
    private void rate(String contributionsUrl, double perSecond, double seconds, double warmUpSeconds) throws Exception {
        String token = partnerToken();
        new Load(contributionsUrl, token, perSecond, warmUpSeconds).run();
        Load load = new Load(contributionsUrl, token, perSecond, seconds);
        load.run();
        long[] latencies = load.latenciesMicros();
        System.out.printf("sent=%d ok=%d errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f achieved_per_s=%.1f%n",
                load.sent.get(), latencies.length, load.errors.get(), percentile(latencies, 50) / 1000.0,
                percentile(latencies, 99) / 1000.0, percentile(latencies, 100) / 1000.0, latencies.length / seconds);
    }

    /**
     * Under a background load at {@code perSecond}, posts one marker pledge of USD 1 at a time and
     * polls /progress until the marker year's pledged total includes it. The lag is counted from the
     * 201 response, which the service sends only after its transaction has committed. Meanwhile
     * another thread follows the partner's list of marker pledges, as a partner's sync job would, and
     * times the same 201 to the first read of the list that holds the marker. Then it splits the time
     * from both databases (see {@link #stages}).
     *
     * <p>Markers are posted and followed the same way for {@code warmUpSeconds} first, under the same
     * background load, and not counted: otherwise the first marker of a fresh probe JVM, whose lambdas,
     * HTTP client and regular expressions are used for the first time, was the slowest of the run, and
     * with about 80 markers the slowest is the p99.
     */
    private void lag(String contributionsUrl, String reportingUrl, double perSecond, double seconds, double warmUpSeconds,
                     String contributionsJdbcUrl, String reportingJdbcUrl) throws Exception {
        String token = partnerToken();
        Load load = new Load(contributionsUrl, token, perSecond, warmUpSeconds + seconds);
        Thread background = new Thread(() -> {
            try {
                load.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "background-load");
        background.start();
        URI progress = URI.create(reportingUrl + "/api/v1/progress?year=" + MARKER_YEAR);
        MarkerRun warmUp = new MarkerRun(contributionsUrl, progress, token, new MarkerList(contributionsUrl, token),
                pledgedTotal(progress));
        warmUp.follow(warmUpSeconds);
        MarkerRun measured = warmUp.next();
        measured.follow(seconds);
        background.join();
        long[] lags = measured.lagsMicros();
        long[] listed = measured.markers.latenciesMicros();
        System.out.printf("samples=%d not_seen_in_10s=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f background_sent=%d background_errors=%d"
                        + " listed=%d listed_on_first_read=%d not_listed_in_10s=%d listed_p99_ms=%.1f%n",
                lags.length, measured.lost, percentile(lags, 50) / 1000.0, percentile(lags, 99) / 1000.0,
                percentile(lags, 100) / 1000.0, load.sent.get(), load.errors.get(),
                listed.length, measured.markers.onFirstRead, measured.markers.notListed, percentile(listed, 99) / 1000.0);
        stages(contributionsJdbcUrl, reportingJdbcUrl, measured.startedMillis, measured.seenMarkers);
    }

    /** Markers posted one at a time for a span of time, each followed to /progress and to the partner's list. */
    private final class MarkerRun {
        private final String contributionsUrl;
        private final URI progress;
        private final String token;
        private final MarkerList markers;
        private final List<Long> lags = new ArrayList<>();
        private final Map<String, long[]> seenMarkers = new HashMap<>();
        private BigDecimal seen;
        private int lost;
        private long startedMillis;

        MarkerRun(String contributionsUrl, URI progress, String token, MarkerList markers, BigDecimal seen) {
            this.contributionsUrl = contributionsUrl;
            this.progress = progress;
            this.token = token;
            this.markers = markers;
            this.seen = seen;
        }

        /** Goes on where this run stopped, from the same total and the list's cursor, with nothing counted yet. */
        MarkerRun next() {
            return new MarkerRun(contributionsUrl, progress, token, markers.next(), seen);
        }

        void follow(double seconds) throws Exception {
            startedMillis = System.currentTimeMillis();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            CompletableFuture<Void> listing = CompletableFuture.completedFuture(null);
            while (System.nanoTime() < deadline) {
                // One marker at a time: the previous one is out of the list's way before this one's clock starts.
                listing.join();
                HttpResponse<String> posted = postPledge(contributionsUrl, token, "lag-" + UUID.randomUUID(), MARKER_YEAR, "1.00");
                long committed = System.nanoTime();
                long committedEpochMicros = epochMicros();
                if (posted.statusCode() != 201) {
                    throw new IllegalStateException("Marker pledge refused: " + posted.statusCode() + " " + posted.body());
                }
                Matcher id = ID.matcher(posted.body());
                if (!id.find()) {
                    throw new IllegalStateException("Marker pledge without an id: " + posted.body());
                }
                listing = CompletableFuture.runAsync(() -> markers.timeUntilListed(id.group(1), committed));
                BigDecimal expected = seen.add(BigDecimal.ONE);
                long giveUp = committed + TimeUnit.SECONDS.toNanos(10);
                long polls = 0;
                long longestPoll = 0;
                while (true) {
                    long asked = System.nanoTime();
                    seen = pledgedTotal(progress);
                    polls++;
                    longestPoll = Math.max(longestPoll, System.nanoTime() - asked);
                    if (seen.compareTo(expected) >= 0 || System.nanoTime() >= giveUp) {
                        break;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
                if (seen.compareTo(expected) < 0) {
                    lost++;
                } else {
                    lags.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - committed));
                    seenMarkers.put(id.group(1), new long[] {committedEpochMicros, epochMicros(), polls,
                            TimeUnit.NANOSECONDS.toMicros(longestPoll), committedEpochMicros - startedMillis * 1000});
                }
            }
            listing.join();
        }

        long[] lagsMicros() {
            return lags.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(now.getNano());
    }

    /**
     * The partner's marker pledges as its sync job reads them: from the cursor that led to the last
     * page, page by page to the end. Only markers have the marker year, so the pages stay short.
     */
    private final class MarkerList {
        private final String contributionsUrl;
        private final String token;
        private final List<Long> latencies = new ArrayList<>();
        private String cursor;
        private int onFirstRead;
        private int notListed;

        MarkerList(String contributionsUrl, String token) {
            this.contributionsUrl = contributionsUrl;
            this.token = token;
        }

        /** The same partner's list from where this one has read to, with nothing counted yet. */
        MarkerList next() {
            MarkerList next = new MarkerList(contributionsUrl, token);
            next.cursor = cursor;
            return next;
        }

        /** Reads the list until it holds the pledge, timing from {@code since}; gives up after 10 s. */
        void timeUntilListed(String pledgeId, long since) {
            long giveUp = since + TimeUnit.SECONDS.toNanos(10);
            for (int read = 0; System.nanoTime() < giveUp; read++) {
                if (readToTheEnd().contains("\"id\":\"" + pledgeId + "\"")) {
                    latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - since));
                    if (read == 0) {
                        onFirstRead++;
                    }
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            notListed++;
        }

        private String readToTheEnd() {
            try {
                while (true) {
                    String query = "?year=" + MARKER_YEAR + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(contributionsUrl + "/api/v1/pledges" + query))
                            .timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (page.statusCode() != 200) {
                        throw new IllegalStateException("GET pledges" + query + ": " + page.statusCode() + " " + page.body());
                    }
                    Matcher next = NEXT.matcher(page.body());
                    if (!next.find()) {
                        return page.body();
                    }
                    cursor = next.group(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        long[] latenciesMicros() {
            return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /**
     * Where the lag went, read from both databases (one PostgreSQL, one clock) for every event written
     * since {@code sinceMillis}, markers and background alike: from the outbox row's writing, inside the
     * POST's transaction, to the start of the relay's transaction that marked it published once the
     * broker had acknowledged it; and from that mark to the start of reporting's transaction that
     * applied it, and that transaction's own time, from its start to its commit (PostgreSQL keeps commit
     * times: LocalPostgres). The second can be negative: reporting may fetch an event before the relay
     * has marked it. For the markers, whose 201 and first sight in /progress the probe saw, the whole
     * span splits into 201 to the mark, the mark to reporting's transaction, that transaction, and its
     * commit to the first /progress that held the marker; the slowest marker's split is printed too.
     */
    private static void stages(String contributionsJdbcUrl, String reportingJdbcUrl, long sinceMillis,
                               Map<String, long[]> markers) throws Exception {
        Map<String, long[]> written = new HashMap<>();
        Map<String, String> markerEvents = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(contributionsJdbcUrl, "postgres", "postgres");
             PreparedStatement select = connection.prepareStatement("""
                     SELECT event_id::text, aggregate_id, (extract(epoch FROM occurred_at) * 1e6)::bigint,
                            (extract(epoch FROM published_at) * 1e6)::bigint
                     FROM outbox_event WHERE occurred_at >= to_timestamp(? / 1000.0) AND published_at IS NOT NULL""")) {
            select.setLong(1, sinceMillis);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    written.put(rows.getString(1), new long[] {rows.getLong(3), rows.getLong(4)});
                    if (markers.containsKey(rows.getString(2))) {
                        markerEvents.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        List<Long> toPublished = new ArrayList<>();
        List<Long> toApplying = new ArrayList<>();
        List<Long> toApplied = new ArrayList<>();
        List<long[]> markerSplits = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(reportingJdbcUrl, "postgres", "postgres");
             PreparedStatement select = connection.prepareStatement("""
                     SELECT event_id::text, (extract(epoch FROM applied_at) * 1e6)::bigint,
                            (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1e6)::bigint
                     FROM inbox_event WHERE applied_at >= to_timestamp(? / 1000.0)""")) {
            select.setLong(1, sinceMillis);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long[] times = written.get(rows.getString(1));
                    if (times == null) {
                        continue;
                    }
                    long applying = rows.getLong(2);
                    long applied = rows.getLong(3);
                    toPublished.add(times[1] - times[0]);
                    toApplying.add(applying - times[1]);
                    toApplied.add(applied - applying);
                    String marker = markerEvents.get(rows.getString(1));
                    if (marker != null) {
                        long[] seen = markers.get(marker);
                        markerSplits.add(new long[] {times[1] - seen[0], applying - times[1], applied - applying, seen[1] - applied,
                                seen[1] - seen[0], seen[2], seen[3], seen[4]});
                    }
                }
            }
        }
        long[] published = toPublished.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] applying = toApplying.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] applied = toApplied.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("events=%d written_to_published_p50_ms=%.1f written_to_published_p99_ms=%.1f"
                        + " published_to_applying_p50_ms=%.1f published_to_applying_p99_ms=%.1f"
                        + " applying_to_applied_p50_ms=%.1f applying_to_applied_p99_ms=%.1f%n",
                published.length, percentile(published, 50) / 1000.0, percentile(published, 99) / 1000.0,
                percentile(applying, 50) / 1000.0, percentile(applying, 99) / 1000.0,
                percentile(applied, 50) / 1000.0, percentile(applied, 99) / 1000.0);
        long[] slowest = markerSplits.stream().max(Comparator.comparingLong(split -> split[4])).orElse(new long[8]);
        StringBuilder line = new StringBuilder("markers=" + markerSplits.size());
        String[] names = {"201_to_published", "published_to_applying", "applying_to_applied", "applied_to_visible"};
        for (int part = 0; part < names.length; part++) {
            int index = part;
            long[] values = markerSplits.stream().mapToLong(split -> split[index]).sorted().toArray();
            line.append(String.format(" %s_p50_ms=%.1f %s_p99_ms=%.1f", names[part], percentile(values, 50) / 1000.0,
                    names[part], percentile(values, 99) / 1000.0));
        }
        line.append(String.format(" slowest_ms=%.1f slowest_split_ms=%.1f/%.1f/%.1f/%.1f slowest_polls=%d slowest_longest_poll_ms=%.1f"
                        + " slowest_at_s=%.1f", slowest[4] / 1000.0, slowest[0] / 1000.0, slowest[1] / 1000.0,
                slowest[2] / 1000.0, slowest[3] / 1000.0, slowest[5], slowest[6] / 1000.0, slowest[7] / 1e6));
        System.out.println(line);
    }

    /** Publishes pledge-recorded events as contributions-service's relay would, with acks from all replicas. */
    private static void publish(String bootstrapServers, int count) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                String pledgeId = UUID.randomUUID().toString();
                ProducerRecord<String, String> record = new ProducerRecord<>("contributions.events", pledgeId, pledgeRecorded(pledgeId, i));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", "org.unhabitat.pledge.recorded.v1");
                // Reporting believes pledges only from the service that owns the topic.
                header(record, "ce_source", "urn:unhabitat:rm:contributions-service");
                header(record, "ce_time", Instant.now().toString());
                header(record, "ce_subject", pledgeId);
                header(record, "content-type", "application/json");
                CompletableFuture<Void> done = new CompletableFuture<>();
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(error);
                    }
                });
                acknowledged[i] = done;
            }
            CompletableFuture.allOf(acknowledged).get(2, TimeUnit.MINUTES);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("published=%d seconds=%.2f per_s=%.0f%n", count, elapsed, count / elapsed);
    }

    /**
     * Asks reporting to rebuild its read model by replay and counts, straight in its database, the
     * inbox rows until {@code events} have been applied again (or the time runs out).
     */
    private void rebuild(String reportingUrl, String jdbcUrl, long events, double timeoutSeconds) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM inbox_event")) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reportingUrl + "/api/v1/admin/rebuild"))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.mint("admin", null, Duration.ofHours(1)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("Rebuild refused: " + response.statusCode() + " " + response.body());
            }
            long deadline = started + (long) (timeoutSeconds * 1e9);
            long applied = 0;
            while (applied < events && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    applied = rows.getLong(1);
                }
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf("applied=%d of=%d seconds=%.2f per_s=%.0f complete=%s%n",
                    applied, events, elapsed, applied / elapsed, applied >= events);
        }
    }

    private static String pledgeRecorded(String pledgeId, int index) {
        String amount = (1000 + index % 1000) + ".00";
        return ("{\"pledgeId\":\"%s\",\"version\":1,\"contributor\":{\"code\":\"%s\",\"name\":\"Benchmark partner\",\"type\":\"FOUNDATION\"},"
                + "\"budgetLine\":\"FOUNDATION_EARMARKED\",\"earmarking\":\"SOFTLY_EARMARKED\",\"region\":\"GLOBAL\",\"currency\":\"USD\","
                + "\"amount\":\"%s\",\"fxRate\":\"1\",\"usdAmount\":\"%s\",\"pledgedOn\":\"%d-06-15\","
                + "\"schedule\":[{\"year\":%d,\"amount\":\"%s\",\"usdAmount\":\"%s\"}],\"multiYear\":false,"
                + "\"recordedAt\":\"%s\"}").formatted(pledgeId, CONTRIBUTOR, amount, amount, REPLAY_YEAR, REPLAY_YEAR, amount, amount,
                Instant.now());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private String partnerToken() {
        return tokens.mint("partner", CONTRIBUTOR, Duration.ofHours(1));
    }

    /**
     * Asks with the ETag of the last answer, as a polling portal would: until the read model moves,
     * reporting answers 304 without a body, so the probe's own polling costs the service little.
     */
    private BigDecimal pledgedTotal(URI progress) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(progress).timeout(TIMEOUT).GET();
        if (progressEtag != null) {
            request.header("If-None-Match", progressEtag);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 304 && progressEtag != null) {
            return progressTotal;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + progress + ": " + response.statusCode() + " " + response.body());
        }
        // The totals row is the sum of the lines, so the largest figure is the year's total.
        BigDecimal total = BigDecimal.ZERO;
        Matcher matcher = PLEDGED.matcher(response.body());
        while (matcher.find()) {
            total = total.max(new BigDecimal(matcher.group(1)));
        }
        progressEtag = response.headers().firstValue("ETag").orElse(null);
        progressTotal = total;
        return total;
    }

    private HttpResponse<String> postPledge(String contributionsUrl, String token, String key, int year, String amount) throws Exception {
        return http.send(pledgeRequest(contributionsUrl, token, key, year, amount), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest pledgeRequest(String contributionsUrl, String token, String key, int year, String amount) {
        String body = ("{\"contributorCode\":\"%s\",\"budgetLine\":\"FOUNDATION_EARMARKED\",\"earmarking\":\"SOFTLY_EARMARKED\","
                + "\"region\":\"GLOBAL\",\"currency\":\"USD\",\"amount\":\"%s\",\"pledgedOn\":\"%d-06-15\"}")
                .formatted(CONTRIBUTOR, amount, year);
        return HttpRequest.newBuilder(URI.create(contributionsUrl + "/api/v1/pledges"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** p-th percentile (nearest rank) of sorted values; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** An open-loop stream of pledge POSTs: request i is due at start + i / rate, whatever happened to earlier ones. */
    private final class Load {
        private final String contributionsUrl;
        private final String token;
        private final double perSecond;
        private final double seconds;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

        Load(String contributionsUrl, String token, double perSecond, double seconds) {
            this.contributionsUrl = contributionsUrl;
            this.token = token;
            this.perSecond = perSecond;
            this.seconds = seconds;
        }

        void run() throws InterruptedException {
            if (perSecond <= 0) {
                return;
            }
            String prefix = "rate-" + UUID.randomUUID() + "-";
            long start = System.nanoTime();
            long total = (long) (perSecond * seconds);
            CompletableFuture<?>[] responses = new CompletableFuture<?>[(int) total];
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sent.incrementAndGet();
                responses[i] = http.sendAsync(pledgeRequest(contributionsUrl, token, prefix + i, LOAD_YEAR, "1000.00"),
                                HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            if (error != null || response.statusCode() != 201) {
                                errors.incrementAndGet();
                            } else {
                                latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
                            }
                        });
            }
            try {
                CompletableFuture.allOf(responses).get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                // counted per request above
            }
        }

        long[] latenciesMicros() {
            long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(values);
            return values;
        }
    }
}
