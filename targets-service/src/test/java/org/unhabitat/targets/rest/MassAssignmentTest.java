package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.targets.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/** OWASP API3: a write binds to its request record; what the service decides cannot be sent along. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class MassAssignmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"revision\":1", "\"changedBy\":\"reference-data\"", "\"changedAt\":\"2022-03-29T00:00:00Z\"",
            "\"year\":2020", "\"budgetLine\":\"TECHNICAL_COOPERATION\"", "\"warnings\":[]", "\"kind\":\"APPROVED_BUDGET\""})
    void aTargetWriteCannotSetWhatTheServiceDecides(String extra) {
        Ledger.Counts before = Ledger.counts();
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"amountUsd\":\"14600000.00\",\"reason\":\"mass assignment\"," + extra + "}")
                .when().put("/api/v1/targets/2021/REGULAR_BUDGET"), 400);
        assertEquals(before, Ledger.counts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"code\":\"OTHER-CODE\"", "\"definedBy\":\"reference-data\"", "\"definedAt\":\"2021-01-01T00:00:00Z\""})
    void aProgrammeDefinitionCannotSetWhatTheServiceDecides(String extra) {
        Ledger.Counts before = Ledger.counts();
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("{\"name\":\"Mass assignment\",\"kind\":\"PROJECT\",\"budgetLine\":\"TECHNICAL_COOPERATION\","
                        + "\"startYear\":2021," + extra + "}")
                .when().put("/api/v1/programmes/MASS-ASSIGNMENT"), 400);
        assertEquals(before, Ledger.counts());
    }
}
