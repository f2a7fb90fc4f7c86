package org.unhabitat.contributions.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.repository.AdvisoryLocks;
import org.unhabitat.contributions.service.IdempotencyService;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class IdempotencyTest {

    private static final String CONTRIBUTOR = "IDEMPOTENCY-TEST";

    @Inject
    IdempotencyService idempotency;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void referenceData() {
        Given.contributor(CONTRIBUTOR, "Online giving platform", "PRIVATE_SECTOR");
    }

    @Test
    void twentyConcurrentIdenticalPostsWithOneKeyRecordOnePledge() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = pledge("CONCURRENT-1", "250");
        String token = TestTokens.partner(CONTRIBUTOR);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Response> call = () -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                        .when().post("/api/v1/pledges");
            };
            calls.add(pool.submit(call));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> call : calls) {
            responses.add(call.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<Response> created = responses.stream().filter(response -> response.statusCode() == 201).toList();
        assertTrue(responses.stream().allMatch(response -> Set.of(201, 409).contains(response.statusCode())),
                "every call either got the pledge or was told the first is still in flight");
        assertTrue(!created.isEmpty());
        assertEquals(1, created.stream().map(Response::asString).distinct().count(), "every 201 is the same response");
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?contributor=" + CONTRIBUTOR)
                .then().statusCode(200)
                .body("items.findAll { it.reference == 'CONCURRENT-1' }", hasSize(1));
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightGetsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        long lock = AdvisoryLocks.lockId("idempotency-key", "partner-" + CONTRIBUTOR.toLowerCase(), key);
        try (Connection firstRequest = dataSource.getConnection()) {
            hold(firstRequest, "pg_advisory_lock", lock);
            post(key, pledge("IN-FLIGHT-1", "20")).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("A request with this Idempotency-Key is still being processed; retry later"));
            hold(firstRequest, "pg_advisory_unlock", lock);
        }
        post(key, pledge("IN-FLIGHT-1", "20")).then().statusCode(201);
    }

    @Test
    void tenConcurrentPostsOfOneReferenceWithoutKeysRecordOnePledge() throws Exception {
        String body = pledge("CONCURRENT-REFERENCE", "30");
        String token = TestTokens.partner(CONTRIBUTOR);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/pledges");
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> call : calls) {
            responses.add(call.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<Response> created = responses.stream().filter(response -> response.statusCode() == 201).toList();
        assertEquals(1, created.size());
        String id = created.get(0).path("id");
        assertTrue(responses.stream().filter(response -> response.statusCode() != 201)
                .allMatch(response -> response.statusCode() == 409 && id.equals(response.path("pledgeId"))));
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseByteForByte() {
        String key = UUID.randomUUID().toString();
        String body = pledge("REPLAY-1", "100.10");
        Response first = post(key, body);
        Response second = post(key, body.replace(",", ", "));

        assertEquals(201, first.statusCode());
        assertEquals(201, second.statusCode());
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("Location"), second.header("Location"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        post(key, pledge("REUSED-KEY-1", "100")).then().statusCode(201);
        post(key, pledge("REUSED-KEY-1", "200")).then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("This Idempotency-Key was already used with a different request"));
    }

    @Test
    void aRetryWithoutAKeyIsCaughtByThePartnersReference() {
        String body = pledge("NO-KEY-RETRY", "75");
        String id = given().auth().oauth2(TestTokens.partner(CONTRIBUTOR)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.partner(CONTRIBUTOR)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pledges")
                .then().statusCode(409).contentType("application/problem+json")
                .body("pledgeId", equalTo(id))
                .header("Location", endsWith("/api/v1/pledges/" + id));
    }

    @Test
    void aKeyLongerThanTwoHundredFiftyFiveCharactersIsABadRequest() {
        post("k".repeat(256), pledge("LONG-KEY", "1")).then().statusCode(400)
                .body("errors.field", contains("idempotencyKey"));
    }

    @Test
    void aFailedRequestStoresNothingSoTheKeyCanBeUsedForTheCorrectedOne() {
        String key = UUID.randomUUID().toString();
        post(key, pledge("AFTER-FAILURE", "0")).then().statusCode(400);
        post(key, pledge("AFTER-FAILURE", "1")).then().statusCode(201).body("amount", equalTo("1.00"));
    }

    @Test
    void keysAreForgottenOnlyAfterTwentyFourHours() throws Exception {
        String recent = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        post(recent, pledge("EXPIRY-RECENT", "10")).then().statusCode(201);
        post(old, pledge("EXPIRY-OLD", "10")).then().statusCode(201);
        age(recent, "23 hours");
        age(old, "25 hours");

        idempotency.expireOldKeys();

        post(recent, pledge("EXPIRY-RECENT-2", "10")).then().statusCode(422);
        post(old, pledge("EXPIRY-OLD-2", "10")).then().statusCode(201).body("reference", equalTo("EXPIRY-OLD-2"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?contributor=" + CONTRIBUTOR + "&limit=500")
                .then().body("items.reference.findAll { it.startsWith('EXPIRY') }", contains("EXPIRY-RECENT", "EXPIRY-OLD", "EXPIRY-OLD-2"));
    }

    @Test
    void keyExpiryIsSkippedWhileAnotherInstanceRunsItAndDoneByTheNextRun() throws Exception {
        String old = UUID.randomUUID().toString();
        post(old, pledge("JOB-LOCK", "10")).then().statusCode(201);
        age(old, "25 hours");

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            hold(otherInstance, "pg_advisory_xact_lock", AdvisoryLocks.lockId(IdempotencyService.EXPIRY_JOB_LOCK));
            idempotency.expireOldKeys();
            post(old, pledge("JOB-LOCK-2", "10")).then().statusCode(422);
            otherInstance.rollback();
        }

        idempotency.expireOldKeys();
        post(old, pledge("JOB-LOCK-2", "10")).then().statusCode(201).body("reference", equalTo("JOB-LOCK-2"));
    }

    private static void hold(Connection connection, String function, long lock) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(" + function + "(?) AS TEXT)")) {
            statement.setLong(1, lock);
            statement.executeQuery().close();
        }
    }

    private void age(String key, String interval) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE idempotency_key SET created_at = now() - CAST(? AS INTERVAL) WHERE idempotency_key = ?")) {
            update.setString(1, interval);
            update.setString(2, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static Response post(String key, String body) {
        return given().auth().oauth2(TestTokens.partner(CONTRIBUTOR)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/pledges");
    }

    private static String pledge(String reference, String amount) {
        return """
                {"contributorCode":"%s","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED",
                 "region":"ARAB_STATES","currency":"USD","amount":"%s","pledgedOn":"2021-06-20","reference":"%s"}"""
                .formatted(CONTRIBUTOR, amount, reference);
    }
}
