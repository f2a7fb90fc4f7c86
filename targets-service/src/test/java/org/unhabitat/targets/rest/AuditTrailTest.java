package org.unhabitat.targets.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every write leaves who, in which role, from where, what and when; nobody can rewrite it. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class AuditTrailTest {

    private static final String CLIENT = "198.51.100.8";

    @Inject
    AgroalDataSource dataSource;

    /** A plan of its own, so that these writes touch no figure that another test counts revisions of. */
    @BeforeEach
    void aPlanOfItsOwn() {
        put("/api/v1/plans/2080-2081", """
                {"lines":[{"budgetLine":"REGULAR_BUDGET","amountUsd":"1"},{"budgetLine":"FOUNDATION_NON_EARMARKED","amountUsd":"1"},
                 {"budgetLine":"FOUNDATION_EARMARKED","amountUsd":"1"},{"budgetLine":"TECHNICAL_COOPERATION","amountUsd":"1"}],
                 "reason":"Audit test"}""");
    }

    @Test
    void targetBudgetAndPlanWritesRecordWhoWhatAndFromWhere() throws SQLException {
        put("/api/v1/targets/2080/TECHNICAL_COOPERATION", "{\"amountUsd\":\"150000000.00\",\"reason\":\"Audit test\"}");
        put("/api/v1/approved-budgets/2081/REGULAR_BUDGET", "{\"amountUsd\":\"15000000.00\",\"reason\":\"Audit test\"}");
        assertEquals(List.of("plan.defined finance-user finance " + CLIENT, "target.set finance-user finance " + CLIENT,
                        "approved-budget.set finance-user finance " + CLIENT),
                entries("resource_id in ('2080-2081', '2080:TECHNICAL_COOPERATION#1', '2081:REGULAR_BUDGET#1')"));
    }

    @Test
    void programmeDefinitionsChangesAndTargetsRecordWhoWhatAndFromWhere() throws SQLException {
        String programme = """
                {"name":"Audit window","kind":"THEMATIC_WINDOW","budgetLine":"FOUNDATION_EARMARKED","startYear":2080}""";
        put("/api/v1/programmes/AUDIT-WINDOW", programme);
        put("/api/v1/programmes/AUDIT-WINDOW", programme);
        put("/api/v1/programmes/AUDIT-WINDOW", programme.replace("Audit window", "Audit window, renamed"));
        put("/api/v1/programmes/AUDIT-WINDOW/targets/2081", "{\"amountUsd\":\"250000.00\",\"reason\":\"Audit test\"}");
        assertEquals(List.of("programme.defined finance-user finance " + CLIENT, "programme.updated finance-user finance " + CLIENT,
                        "programme-target.set finance-user finance " + CLIENT),
                entries("aggregate_id = 'AUDIT-WINDOW'"));
        assertEquals(List.of("AUDIT-WINDOW", "AUDIT-WINDOW", "AUDIT-WINDOW:2081#1"), resourceIds("aggregate_id = 'AUDIT-WINDOW'"));
    }

    @Test
    void aWriteThatChangesNothingOrIsRefusedLeavesNoEntry() throws SQLException {
        long before = entries("true").size();
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"14500000.00\",\"reason\":\"The same again\"}")
                .when().put("/api/v1/targets/2021/REGULAR_BUDGET").then().statusCode(200);
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"1.00\",\"reason\":\"No plan covers it\"}")
                .when().put("/api/v1/targets/1990/REGULAR_BUDGET").then().statusCode(400);
        assertEquals(before, entries("true").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"update audit_log set subject = 'someone-else'", "delete from audit_log", "truncate audit_log"})
    void theDatabaseRefusesToRewriteTheTrail(String statement) throws SQLException {
        put("/api/v1/approved-budgets/2081/FOUNDATION_EARMARKED", "{\"amountUsd\":\"" + (statement.length() * 1000) + ".00\",\"reason\":\"x\"}");
        long before = entries("true").size();
        assertThrows(SQLException.class, () -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        });
        assertEquals(before, entries("true").size());
    }

    private static void put(String path, String body) {
        given().auth().oauth2(TestTokens.finance()).header("X-Forwarded-For", CLIENT).contentType(ContentType.JSON).body(body)
                .when().put(path).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private List<String> resourceIds(String condition) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select resource_id from audit_log where " + condition + " order by id");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    private List<String> entries(String condition) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select action, subject, role, client_ip from audit_log where "
                     + condition + " order by id");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                entries.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " " + result.getString(4));
            }
        }
        return entries;
    }
}
