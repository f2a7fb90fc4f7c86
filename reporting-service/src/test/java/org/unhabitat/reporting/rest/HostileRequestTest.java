package org.unhabitat.reporting.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.HostileInputs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;
import static org.unhabitat.testing.security.Problems.assertSafe;

/**
 * OWASP API4 and API8 under attack: injection and traversal strings in every path and query
 * parameter of the public reports and the admin operations, and oversized or mistyped bodies. None
 * may cause a 5xx or leak internals, and no snapshot may be taken, even with an admin token.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestTest {

    /** Snapshots of months before the last one: the hourly job may take the last month's meanwhile. */
    private static final String OLD_SNAPSHOTS =
            "select count(*) from monthly_snapshot where month < to_char(current_date - interval '1 month', 'YYYY-MM')";

    /** Every path and query parameter of the service, each filled with the hostile value. */
    private static final Map<String, BiFunction<RequestSpecification, String, Response>> SLOTS = slots();

    @Inject
    AgroalDataSource dataSource;

    private long snapshotsBefore = -1;
    private String admin;

    private static Map<String, BiFunction<RequestSpecification, String, Response>> slots() {
        Map<String, BiFunction<RequestSpecification, String, Response>> slots = new TreeMap<>();
        Map<String, List<String>> reports = Map.of(
                "/api/v1/progress", List.of("plan", "year", "asOf"),
                "/api/v1/top-contributors", List.of("year", "budgetLine", "limit", "asOf"),
                "/api/v1/regions", List.of("year", "asOf"),
                "/api/v1/monthly", List.of("year", "budgetLine", "asOf"),
                "/api/v1/donor-base", List.of("year", "asOf"),
                "/api/v1/kpis", List.of("year", "asOf"),
                "/api/v1/forecast", List.of("year", "asOf"),
                "/api/v1/open-data/pledges.csv", List.of("year", "asOf", "limit", "cursor"),
                "/", List.of("year", "asOf", "plan", "lang"),
                "/monthly-update", List.of("month", "lang"));
        reports.forEach((path, parameters) -> parameters.forEach(parameter -> slots.put("GET " + path + " ?" + parameter,
                (request, value) -> request.queryParam(parameter, encoded(value)).get(path))));
        slots.put("GET snapshot {month}", (request, value) -> request.get("/api/v1/snapshots/" + encoded(value)));
        slots.put("POST snapshot {month}", (request, value) -> request.post("/api/v1/snapshots/" + encoded(value)));
        return slots;
    }

    @BeforeEach
    void countOnce() {
        if (snapshotsBefore < 0) {
            snapshotsBefore = oldSnapshots();
            admin = TestTokens.admin();
        }
    }

    @AfterAll
    void noSnapshotWasTaken() {
        assertEquals(snapshotsBefore, oldSnapshots(), "hostile requests took snapshots");
    }

    static Stream<Arguments> hostileValueInEverySlot() {
        return SLOTS.keySet().stream().flatMap(slot -> HostileInputs.VALUES.stream().map(value -> Arguments.of(slot, value)));
    }

    /** Encoded here rather than by REST Assured, which would read "{7*7}" as a template of its own. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileValueInEverySlot")
    void aHostileParameterIsRefusedWithoutAServerErrorOrALeak(String slot, String value) {
        assertSafe(SLOTS.get(slot).apply(given().urlEncodingEnabled(false).auth().oauth2(admin).when(), value), value);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        assertProblem(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"x\":\"" + "x".repeat(70 * 1024) + "\"}").when().post("/api/v1/admin/rebuild"), 413);
    }

    @Test
    void aBodyOnAReadIsIgnoredOrRefusedButNeverAServerError() {
        for (String body : List.of(HostileInputs.deeplyNestedJson(5000), HostileInputs.deeplyNestedArray(5000), "{\"year\":")) {
            assertSafe(given().contentType(ContentType.JSON).body(body).when().get("/api/v1/progress?year=2021"));
        }
    }

    private long oldSnapshots() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(OLD_SNAPSHOTS)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
