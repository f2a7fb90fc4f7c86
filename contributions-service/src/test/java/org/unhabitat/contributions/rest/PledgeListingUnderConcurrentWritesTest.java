package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pledges are numbered for the keyset order after they commit, without a lock held by writers. This
 * is what that must keep: whatever the interleaving of commits, a page never gains a pledge behind a
 * cursor already handed out (a reader following the list would never see it), and a pledge is listed
 * by the time its writer has the 201. Several readers follow the list, so that its end is read often
 * while transactions are in flight: numbering pledges before their commit (seq from the INSERT,
 * without the old lock) fails this within a few rounds.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PledgeListingUnderConcurrentWritesTest {

    private static final int WRITERS = 8;
    private static final int PLEDGES_PER_WRITER = 25;
    private static final int READERS = 3;
    private static final int PAGE_SIZE = 10;

    @Test
    void readersFollowingTheListWhileEightWritersPostNeverMissAPledgeNorSeeOneAppearBehindTheirCursor() throws Exception {
        String contributor = "ORDERING-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Given.contributor(contributor, "A contributor only the ordering test uses", "FOUNDATION");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger visitsToTheEnd = new AtomicInteger();
        List<Future<Follower>> readers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            // The writers post in rounds, all eight at once, so that their transactions overlap. A round
            // starts once the readers have reached the end of the list again: they keep up, and the end
            // of the list is read while every round's transactions are in flight.
            CyclicBarrier round = new CyclicBarrier(WRITERS, () -> awaitAnotherVisit(visitsToTheEnd, readers));
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < PLEDGES_PER_WRITER; i++) {
                        round.await(2, TimeUnit.MINUTES);
                        acknowledged.add(post(contributor));
                    }
                    return null;
                }));
            }
            for (int reader = 0; reader < READERS; reader++) {
                readers.add(pool.submit(() -> follow(contributor, acknowledged, writers, visitsToTheEnd)));
            }
            for (Future<Follower> reader : readers) {
                Follower follower = reader.get();
                assertEquals(follower.seen.size(), new HashSet<>(follower.seen).size(), "a pledge was listed twice: pages shifted");
                assertEquals(acknowledged, new HashSet<>(follower.seen), "a reader missed committed pledges");
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            assertEquals(WRITERS * PLEDGES_PER_WRITER, acknowledged.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitAnotherVisit(AtomicInteger visitsToTheEnd, List<Future<Follower>> readers) {
        int before = visitsToTheEnd.get();
        try {
            while (visitsToTheEnd.get() < before + READERS && readers.stream().noneMatch(Future::isDone)) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Follows the list while the writers write, and checks at each visit to its end that every pledge
     * whose 201 had arrived before that read is listed; then reads on to the end once more.
     */
    private static Follower follow(String contributor, Set<String> acknowledged, List<Future<?>> writers,
                                   AtomicInteger visitsToTheEnd) {
        Follower follower = new Follower(contributor);
        while (writers.stream().anyMatch(writer -> !writer.isDone())) {
            Set<String> acknowledgedBefore = Set.copyOf(acknowledged);
            if (follower.readNextPage()) {
                Set<String> missing = new HashSet<>(acknowledgedBefore);
                follower.seen.forEach(missing::remove);
                assertTrue(missing.isEmpty(), "at the end of the list, pledges whose 201 had arrived were missing: " + missing);
                visitsToTheEnd.incrementAndGet();
            }
        }
        while (!follower.readNextPage()) {
            // reads on to the end of the list
        }
        return follower;
    }

    /**
     * Follows the list as a partner's sync job would: page after page, and at the end the last page
     * again and again, from the cursor that led to it. What it has seen on that page must still come
     * first there; anything new may only follow.
     */
    private static final class Follower {

        final List<String> seen = new ArrayList<>();
        private final String contributor;
        private String cursor;
        private List<String> seenAfterCursor = List.of();

        Follower(String contributor) {
            this.contributor = contributor;
        }

        /** Reads the page after the cursor; true when it was the last page. */
        boolean readNextPage() {
            ExtractableResponse<Response> page = given().auth().oauth2(TestTokens.finance())
                    .queryParam("contributor", contributor).queryParam("limit", PAGE_SIZE)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get("/api/v1/pledges")
                    .then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            if (items.size() < seenAfterCursor.size() || !items.subList(0, seenAfterCursor.size()).equals(seenAfterCursor)) {
                fail("after " + seen.size() + " pledges, the page " + items + " no longer starts with " + seenAfterCursor
                        + ": a pledge appeared behind what the reader had already seen");
            }
            seen.addAll(items.subList(seenAfterCursor.size(), items.size()));
            String next = page.path("next");
            if (next == null) {
                seenAfterCursor = items;
                return true;
            }
            cursor = next;
            seenAfterCursor = List.of();
            return false;
        }
    }

    private static String post(String contributor) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"%s","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                         "region":"AFRICA","currency":"USD","amount":"25.00","pledgedOn":"2021-02-01"}""".formatted(contributor))
                .when().post("/api/v1/pledges")
                .then().statusCode(201).extract().path("id");
    }
}
