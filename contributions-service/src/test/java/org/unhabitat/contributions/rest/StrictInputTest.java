package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * Each field only in its documented JSON type. An outside fuzzer found that pledges with an enum's
 * ordinal, an epoch day or a date-time as a date, or an amount as a JSON number were recorded, and
 * that a NUL in a code was a 500: each is now a 400 that names the field, and writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class StrictInputTest {

    private static final String PLEDGE = """
            {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED","region":"GLOBAL",
             "currency":"SEK","amount":"7000000","pledgedOn":"2021-09-15","schedule":[{"year":2021,"amount":"7000000"}]}""";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void swedenAndItsRateExist() {
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        Given.rate("SEK", "2021-09", "8.75");
    }

    @Test
    void theWellTypedPledgeIsRecorded() {
        Given.pledge(PLEDGE);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "budgetLine        | 0                          | budgetLine",
            "budgetLine        | `\"0\"`                    | budgetLine",
            "earmarking        | 0                          | earmarking",
            "region            | 5                          | region",
            "pledgedOn         | 0                          | pledgedOn",
            "pledgedOn         | -1                         | pledgedOn",
            "pledgedOn         | `\"2021-09-15T10:00:00Z\"` | pledgedOn",
            "pledgedOn         | `\"2021-09-15T23:59:59\"`  | pledgedOn",
            "pledgedOn         | `[2021,9,15]`              | pledgedOn",
            "amount            | 7000000                    | amount",
            "amount            | 7000000.00                 | amount",
            "amount            | `\"7e6\"`                  | amount",
            "contributorCode   | `\"SWE\\u0000\"`           | contributorCode",
            "contributorCode   | `\"\\u0000\"`              | contributorCode",
            "currency          | `\"SEK\\u0000\"`           | currency",
            "contributorCode   | 752                        | contributorCode",
            "schedule          | `[{\"year\":\"2021\",\"amount\":\"7000000\"}]` | schedule[0].year",
            "schedule          | `[{\"year\":2021.0,\"amount\":\"7000000\"}]`   | schedule[0].year",
            "schedule          | `[{\"year\":2021,\"amount\":7000000}]`         | schedule[0].amount",
            "budgetLine        | `\" FOUNDATION_EARMARKED\"`                       | budgetLine",
            "region            | `\"GLOBAL\\u0000\"`                            | region",
            "schedule          | `[{\"year\":99999999999,\"amount\":\"7000000\"}]` | schedule[0].year",
            "schedule          | `[null]`                                           | schedule[0]"})
    void aPledgeWithAFieldOfTheWrongTypeIsRefusedAndNothingIsWritten(String field, String value, String named) {
        String body = PLEDGE.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^]]*])", "\"" + field + "\":" + Matcher.quoteReplacement(value));
        assertRefusedNamingTheField(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pledges"), named);
    }

    @Test
    void aPaymentTakesItsDateAsTextItsAmountAsAStringAndItsYearAsANumber() {
        String pledge = Given.pledge(PLEDGE.replace("7000000", "1000"));
        String payment = "{\"amount\":\"10\",\"currency\":\"SEK\",\"receivedOn\":\"2021-09-20\",\"forYear\":2021}";
        for (String[] wrong : new String[][]{{"\"receivedOn\":\"2021-09-20\"", "\"receivedOn\":18890", "receivedOn"},
                {"\"amount\":\"10\"", "\"amount\":10", "amount"}, {"\"forYear\":2021", "\"forYear\":\"2021\"", "forYear"},
                {"\"forYear\":2021", "\"forYear\":2021.9", "forYear"}, {"\"currency\":\"SEK\"", "\"currency\":\"SE\\u0000K\"", "currency"}}) {
            String body = payment.replace(wrong[0], wrong[1]);
            assertRefusedNamingTheField(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                    .body(body).when().post("/api/v1/pledges/" + pledge + "/payments"), wrong[2]);
        }
    }

    @Test
    void aContributorsTypeIsItsNameAndARateIsAString() {
        assertRefusedNamingTheField(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Norway\",\"type\":0}").when().put("/api/v1/contributors/NOR"), "type");
        assertRefusedNamingTheField(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Nor\\u0000way\",\"type\":\"MEMBER_STATE\"}").when().put("/api/v1/contributors/NOR"), "name");
        assertRefusedNamingTheField(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"unitsPerUsd\":8.75}").when().put("/api/v1/exchange-rates/NOK/2021-09"), "unitsPerUsd");
    }

    private void assertRefusedNamingTheField(Supplier<Response> request, String field) {
        long before = Ledger.rows(dataSource);
        Response response = request.get();
        assertProblem(response, 400);
        response.then().body("errors.field", contains(field)).body("errors[0].message", startsWith("must "))
                .body("type", equalTo("https://open.unhabitat.org/problems/validation"));
        assertEquals(before, Ledger.rows(dataSource), "nothing is written");
    }
}
