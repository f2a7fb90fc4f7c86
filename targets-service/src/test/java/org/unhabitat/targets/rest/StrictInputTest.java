package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unhabitat.targets.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * Each field only in its documented JSON type: money as a decimal string, a budget line by its
 * name, text without control characters. Each is a 400 that names the field, and writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class StrictInputTest {

    private static final String PLAN = """
            {"lines":[{"budgetLine":"REGULAR_BUDGET","amountUsd":"1.00"},{"budgetLine":"FOUNDATION_NON_EARMARKED","amountUsd":"1.00"},
             {"budgetLine":"FOUNDATION_EARMARKED","amountUsd":"1.00"},{"budgetLine":"TECHNICAL_COOPERATION","amountUsd":"1.00"}],
             "reason":"Strict input"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"amountUsd\":10500000,\"reason\":\"review\"}`                | amountUsd",
            "`{\"amountUsd\":10500000.00,\"reason\":\"review\"}`             | amountUsd",
            "`{\"amountUsd\":\"1.05e7\",\"reason\":\"review\"}`              | amountUsd",
            "`{\"amountUsd\":\"10500000.00\",\"reason\":\"re\\u0000view\"}`  | reason",
            "`{\"amountUsd\":\"10500000.00\",\"reason\":42}`                 | reason"})
    void anAnnualFigureOfTheWrongTypeIsRefused(String body, String field) {
        for (String path : new String[]{"/api/v1/targets/2023/FOUNDATION_EARMARKED", "/api/v1/approved-budgets/2023/FOUNDATION_EARMARKED"}) {
            assertRefusedNamingTheField(path, body, field);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`\"REGULAR_BUDGET\"`         | 0                  | lines[0].budgetLine",
            "`\"REGULAR_BUDGET\"`         | `\"0\"`            | lines[0].budgetLine",
            "`\"1.00\"},{\"budgetLine\":\"FOUNDATION_NON` | `1},{\"budgetLine\":\"FOUNDATION_NON` | lines[0].amountUsd",
            "`\"Strict input\"`           | `\"Strict\\u0000\"` | reason"})
    void aPlanWithAFieldOfTheWrongTypeIsRefused(String valid, String wrong, String field) {
        assertRefusedNamingTheField("/api/v1/plans/2088-2089", PLAN.replaceFirst(Pattern.quote(valid),
                Matcher.quoteReplacement(wrong)), field);
    }

    private static void assertRefusedNamingTheField(String path, String body, String field) {
        Ledger.Counts before = Ledger.counts();
        Response response = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body).when().put(path);
        assertProblem(response, 400);
        response.then().body("errors.field", contains(field)).body("errors[0].message", startsWith("must be"));
        assertEquals(before, Ledger.counts(), "nothing is written");
    }
}
