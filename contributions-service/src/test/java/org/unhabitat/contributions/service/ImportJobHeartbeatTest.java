package org.unhabitat.contributions.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An import job lives in the memory of the instance that runs it. These tests play the other instance: its jobs'
 * rows are written straight into the table, stamped alive as long ago as the scenario needs.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ImportJobHeartbeatTest {

    private static final String PLEDGE_HEADER = "contributorCode,budgetLine,earmarking,region,currency,amount,pledgedOn,reference,schedule";

    @Inject
    ImportService imports;

    @Inject
    DataSource dataSource;

    private final List<UUID> written = new ArrayList<>();

    @AfterEach
    void removeTheOtherInstancesJobs() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from import_run where id = ?")) {
            for (UUID id : written) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void aJobWhoseInstanceStoppedStampingItIsFailedAndOneStampedRecentlyKeepsRunning() throws SQLException {
        UUID abandoned = jobOfAnotherInstance(Duration.ofMinutes(10));
        UUID alive = jobOfAnotherInstance(Duration.ofSeconds(5));

        assertEquals(1, imports.heartbeat());

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/" + abandoned).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("finishedAt", notNullValue()).body("created", equalTo(0));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/" + alive).then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("finishedAt", nullValue());
        assertEquals(0, imports.heartbeat(), "a second sweep finds nothing more to fail");
    }

    @Test
    void aJobThisInstanceIsRunningIsStampedAliveBeforeTheSweepLooks() throws SQLException {
        Given.contributor("IMPORT-FOUNDATION", "An Importing Foundation", "FOUNDATION");
        Given.rate("EUR", "2021-03", "0.84");
        String file = PLEDGE_HEADER + "\r\n" + IntStream.range(0, 1001)
                .mapToObj(i -> "IMPORT-FOUNDATION,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,EUR,10.00,2021-03-15,HEARTBEAT-" + i + ",")
                .collect(Collectors.joining("\r\n")) + "\r\n";
        String location = given().auth().oauth2(TestTokens.finance()).contentType("text/csv").body(file)
                .when().post("/api/v1/imports?kind=pledges&dryRun=true").then().statusCode(202).extract().header("Location");
        UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        // As if its last stamp were old: only this instance's own stamp, taken first, keeps the sweep off it.
        assertEquals(1, execute("update import_run set alive_at = ? where id = ? and status = 'RUNNING'",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), job), "the dry run of 1,001 rows was still running");
        assertEquals(0, imports.heartbeat());

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> !"RUNNING".equals(
                given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/" + job).then().extract().path("status")));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/imports/" + job).then().statusCode(200)
                .body("status", equalTo("CHECKED")).body("created", equalTo(1001));
    }

    private UUID jobOfAnotherInstance(Duration stampedAgo) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant stamped = Instant.now().minus(stampedAgo);
        execute("insert into import_run (id, kind, dry_run, status, rows_read, rows_done, created, unchanged, run_by, role, run_at, alive_at)"
                + " values (?, 'pledges', false, 'RUNNING', 5000, 1200, 0, 0, 'finance-user', 'finance', ?, ?)",
                id, Timestamp.from(stamped.minus(Duration.ofMinutes(1))), Timestamp.from(stamped));
        written.add(id);
        return id;
    }

    private int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
