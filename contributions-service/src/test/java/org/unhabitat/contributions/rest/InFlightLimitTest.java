package org.unhabitat.contributions.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.platform.http.InFlightLimit;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A request past the instance's limit of requests at once is refused at once with a 503 problem and Retry-After,
 * and the limit frees up as the requests in flight are answered. Two requests are held in flight by taking every
 * pooled connection, so that they wait for one.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestProfile(InFlightLimitTest.TwoAtOnce.class)
class InFlightLimitTest {

    public static class TwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.http.in-flight.max", "2", "platform.http.in-flight.retry-after-seconds", "3");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InFlightLimit limit;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void aRequestPastTheLimitIsRefusedAtOnceWith503AndRetryAfterUntilTheRequestsInFlightAreAnswered() throws Exception {
        List<Connection> taken = new ArrayList<>();
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        try {
            while (taken.size() < poolSize) {
                taken.add(dataSource.getConnection());
            }
            for (int i = 0; i < 2; i++) {
                held.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.finance())
                        .get("/api/v1/pledges?limit=1").statusCode()));
            }
            await().atMost(Duration.ofSeconds(4)).until(() -> limit.inFlight() == 2);

            given().auth().oauth2(TestTokens.finance()).get("/api/v1/pledges?limit=1")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "3")
                    .body("type", equalTo("https://open.unhabitat.org/problems/overloaded"))
                    .body("status", equalTo(503))
                    .body("instance", equalTo("/api/v1/pledges"));
            assertFalse(held.get(0).isDone() || held.get(1).isDone(), "refused without waiting for the requests in flight");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        for (CompletableFuture<Integer> request : held) {
            assertEquals(200, request.get(), "a request held in flight is answered once a connection is free");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.inFlight() == 0);
        given().auth().oauth2(TestTokens.finance()).get("/api/v1/pledges?limit=1").then().statusCode(200);
    }
}
