package org.unhabitat.reporting.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.SuiteInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reports come from a cache keyed by the read model's version, never by a timer: a client revalidating
 * with an old ETag is told 304 exactly until the read model has moved, and from then on gets the new
 * figure. The year is 2057 so that no other test's data falls into it.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ReportCacheTest {

    private static final String PROGRESS = "/api/v1/progress?year=2057";
    private static final Contributor NORWAY = new Contributor("NOR", "Norway", "MEMBER_STATE");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClientPollingWithTheOldEtagSeesNotModifiedUntilThePaymentIsAppliedAndThenTheNewFigure() throws SQLException {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge pledge = events.pledge(NORWAY, "FOUNDATION_EARMARKED", "EARMARKED", "AFRICA", "USD", "1", "2057-02-01",
                new Entry(2057, "3000000.00", "3000000.00"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(PROGRESS).then().statusCode(200)
                .body("totals.pledgedUsd", equalTo("3000000.00")));

        given().get(PROGRESS).then().statusCode(200).body("totals.receivedUsd", equalTo("0.00"));
        String oldEtag = settledEtag(PROGRESS);

        events.pay(pledge, "1250000.55", "1", "1250000.55", "1250000.55", "2057-03-15", 2057);
        Instant deadline = Instant.now().plusSeconds(30);
        int notModified = 0;
        while (true) {
            boolean appliedBeforeAsking = paymentApplied(pledge.id());
            Response polled = given().header("If-None-Match", oldEtag).get(PROGRESS);
            if (polled.statusCode() == 304) {
                assertFalse(appliedBeforeAsking, "304 for the old ETag after the payment was applied: a stale figure");
                notModified++;
            } else {
                polled.then().statusCode(200).body("totals.receivedUsd", equalTo("1250000.55"));
                String newEtag = polled.header("ETag");
                assertNotEquals(oldEtag, newEtag);
                given().header("If-None-Match", newEtag).get(PROGRESS).then().statusCode(304);
                given().get(PROGRESS).then().statusCode(200).header("ETag", equalTo(newEtag))
                        .body("totals.receivedUsd", equalTo("1250000.55"));
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("The payment never reached /progress; " + notModified + " polls got 304");
            }
        }
    }

    /**
     * This instance keeps the version in memory between two changes. A change it did not make itself, as
     * another instance's or an operator's, reaches it by the notification the tables' triggers send on commit.
     */
    @Test
    void aChangeCommittedByAnotherSessionMovesTheEtagOnceItsNotificationArrives() throws SQLException {
        String path = PROGRESS + "&asOf=2057-02-28";
        String etag = settledEtag(path);
        try (Connection elsewhere = dataSource.getConnection(); Statement bump = elsewhere.createStatement()) {
            bump.executeUpdate("UPDATE read_model_revision SET revision = revision + 1");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("If-None-Match", etag).get(path).then().statusCode(200));
        String moved = given().get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, moved);
    }

    @Test
    void revalidatingAReportAlreadySentCostsNoReadModelQueryWhileAnUncachedOneWaitsOnlyABoundedTime() throws SQLException {
        String cached = "/api/v1/progress?year=2057&asOf=2057-12-31";
        String etag = settledEtag(cached);
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                // Nothing can read the per-line income while this is held: a report that queried it would wait.
                lock.execute("LOCK TABLE line_income_by_day IN ACCESS EXCLUSIVE MODE");
            }
            given().header("If-None-Match", etag).get(cached).then().statusCode(304);
            given().get(cached).then().statusCode(200).header("ETag", equalTo(etag));

            given().get("/api/v1/progress?year=2057&asOf=2057-06-30").then().statusCode(503)
                    .header("Retry-After", notNullValue())
                    .contentType("application/problem+json");
            locker.rollback();
        }
        given().get("/api/v1/progress?year=2057&asOf=2057-06-30").then().statusCode(200);
    }

    @Test
    void theSameReportHasTheSameEtagWhateverHostItWasAskedThrough() {
        String path = PROGRESS + "&asOf=2057-01-31";
        String etag = settledEtag(path);
        given().header("Host", "reporting-2.internal").header("If-None-Match", etag).get(path).then().statusCode(304);
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
    }

    /**
     * The report's ETag once asking again with it gets 304: another test's events, still being applied, may move
     * the read model between two requests, and each move rightly changes the ETag.
     */
    private static String settledEtag(String path) {
        String[] etag = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            etag[0] = given().header("Host", "reporting-1.internal").get(path).then().statusCode(200)
                    .header("ETag", notNullValue()).extract().header("ETag");
            given().header("If-None-Match", etag[0]).get(path).then().statusCode(304).header("ETag", equalTo(etag[0]));
        });
        return etag[0];
    }

    private boolean paymentApplied(UUID pledgeId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM payment WHERE pledge_id = ?")) {
            select.setObject(1, pledgeId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }
}
