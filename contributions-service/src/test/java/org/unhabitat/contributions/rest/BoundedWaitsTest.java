package org.unhabitat.contributions.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every wait on the database ends: no free connection within the pool's acquisition timeout, or a
 * statement past the statement timeout, is a 503 problem with Retry-After, and nothing is written.
 * The client gives up after a minute, so a request that hung would fail these tests rather than stall them.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class BoundedWaitsTest {

    private static final RestAssuredConfig GIVES_UP_AFTER_A_MINUTE = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 60_000));

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void aRequestThatFindsEveryPooledConnectionTakenGets503WithRetryAfterOnceTheAcquisitionTimeoutPasses() throws Exception {
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < poolSize) {
                taken.add(dataSource.getConnection());
            }
            given().config(GIVES_UP_AFTER_A_MINUTE).auth().oauth2(TestTokens.finance())
                    .when().get("/api/v1/pledges?limit=1")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("status", equalTo(503));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?limit=1").then().statusCode(200);
    }

    @Test
    void aPaymentWaitingForItsPledgesRowPastTheStatementTimeoutGets503AndRecordsNothing() throws Exception {
        Given.contributor("BOUNDED-WAITS", "A contributor only the bounded-waits test uses", "FOUNDATION");
        String pledge = Given.pledge("""
                {"contributorCode":"BOUNDED-WAITS","budgetLine":"REGULAR_BUDGET","earmarking":"NON_EARMARKED",
                 "region":"GLOBAL","currency":"USD","amount":"100.00","pledgedOn":"2021-05-01"}""");
        try (Connection otherWriter = dataSource.getConnection()) {
            otherWriter.setAutoCommit(false);
            try (PreparedStatement lock = otherWriter.prepareStatement("SELECT 1 FROM pledge WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(pledge));
                lock.executeQuery().close();
            }
            given().config(GIVES_UP_AFTER_A_MINUTE).auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                    .body("{\"amount\":\"40.00\",\"currency\":\"USD\",\"receivedOn\":\"2021-06-01\"}")
                    .when().post("/api/v1/pledges/" + pledge + "/payments")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("status", equalTo(503));
            otherWriter.rollback();
        }
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge)
                .then().statusCode(200).body("payments", empty()).body("paid", equalTo("0.00"));
    }
}
