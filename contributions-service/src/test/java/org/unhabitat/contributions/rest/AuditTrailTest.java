package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.unhabitat.testing.security.Problems.assertProblem;

/** Every write leaves who, in which role, from where, what and when; nobody can rewrite it. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class AuditTrailTest {

    private static final String CLIENT = "198.51.100.7";

    @Inject
    DataSource dataSource;

    @Test
    void financeReadsWhoDidWhatToAPledgeAndFromWhere() {
        Given.contributor("ISL", "Iceland", "MEMBER_STATE");
        Given.rate("ISK", "2021-03", "128");
        String pledge = given().auth().oauth2(TestTokens.partner("ISL")).header("X-Forwarded-For", CLIENT).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"ISL","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED","region":"EUROPE",
                         "currency":"ISK","amount":"1280000","pledgedOn":"2021-03-01"}""")
                .when().post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        write("/api/v1/pledges/" + pledge + "/payments", Map.of("amount", "128000", "currency", "ISK", "receivedOn", "2021-03-15"));
        write("/api/v1/pledges/" + pledge + "/corrections", Map.of("amount", "640000", "reason", "Halved by parliament"));
        write("/api/v1/pledges/" + pledge + "/cancellation", Map.of("reason", "Withdrawn"));

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/{id}/audit", pledge)
                .then().statusCode(200)
                .body("action", contains("pledge.recorded", "payment.recorded", "pledge.corrected", "pledge.cancelled"))
                .body("subject", contains("partner-isl", "finance-user", "finance-user", "finance-user"))
                .body("role", contains("partner", "finance", "finance", "finance"))
                .body("clientIp", everyItem(equalTo(CLIENT)))
                .body("at", everyItem(notNullValue()))
                .body("resourceId[0]", equalTo(pledge));
    }

    @Test
    void contributorAndRateWritesAreAuditedToo() {
        long before = count("action in ('contributor.registered', 'contributor.updated', 'exchange-rate.set')");
        Given.contributor("AUDITED-FOUNDATION", "A Foundation", "FOUNDATION");
        Given.rate("CHF", "2021-02", "0.91");
        assertEquals(before + 2, count("action in ('contributor.registered', 'contributor.updated', 'exchange-rate.set')"));
    }

    @Test
    void aRefusedWriteLeavesNoAuditEntry() {
        String pledge = Given.swedenSek7Million("AUDIT-REFUSED");
        long before = count("true");
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("amount", "7000001", "currency", "SEK", "receivedOn", "2021-09-20"))
                .when().post("/api/v1/pledges/{id}/payments", pledge), 422);
        assertEquals(before, count("true"));
    }

    @Test
    void aPartnerCannotReadTheAuditTrail() {
        String pledge = Given.swedenSek7Million("AUDIT-PARTNER");
        assertProblem(given().auth().oauth2(TestTokens.partner("SWE")).when().get("/api/v1/pledges/{id}/audit", pledge), 403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update audit_log set subject = 'someone-else'", "delete from audit_log", "truncate audit_log"})
    void theDatabaseRefusesToRewriteTheTrail(String statement) {
        Given.contributor("AUDITED-FUND", "A Fund", "POOLED_FUND");
        long before = count("true");
        assertThrows(SQLException.class, () -> execute(statement));
        assertEquals(before, count("true"));
    }

    private static void write(String path, Map<String, String> body) {
        given().auth().oauth2(TestTokens.finance()).header("X-Forwarded-For", CLIENT).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private long count(String condition) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from audit_log where " + condition)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
