package org.unhabitat.targets.rest;

import io.restassured.http.ContentType;
import org.unhabitat.targets.Ledger;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.generative.ApiOperation;
import org.unhabitat.testing.generative.ServiceUnderTest;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service as the document-driven tests see it: finance may make every write, a partner may
 * not. Figures are set in a plan and a programme of these tests' own (2090-2099), and plans and
 * programmes that may be defined get years or codes of their own, so the reference data of the other
 * tests stays as it is.
 */
final class TargetsUnderTest implements ServiceUnderTest {

    private static final String OWN_PLAN = """
            {"lines":[{"budgetLine":"REGULAR_BUDGET","amountUsd":"1000000.00"},{"budgetLine":"FOUNDATION_NON_EARMARKED","amountUsd":"1000000.00"},
             {"budgetLine":"FOUNDATION_EARMARKED","amountUsd":"1000000.00"},{"budgetLine":"TECHNICAL_COOPERATION","amountUsd":"1000000.00"}],
             "reason":"Generated requests"}""";
    private static final String OWN_PROGRAMME_CODE = "GENERATED-REQUESTS";
    private static final String OWN_PROGRAMME = """
            {"name":"Generated requests","kind":"PROJECT","budgetLine":"FOUNDATION_EARMARKED","startYear":2090,"endYear":2099}""";

    private final AtomicInteger fresh = new AtomicInteger();
    /** Minted once: a run of the suite takes minutes, the tokens last half an hour. */
    private final String allowed = TestTokens.finance();
    private final String mayNot = TestTokens.partner("SWE");

    TargetsUnderTest() {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(OWN_PLAN)
                .when().put("/api/v1/plans/2090-2099").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(OWN_PROGRAMME)
                .when().put("/api/v1/programmes/" + OWN_PROGRAMME_CODE).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    @Override
    public String tokenFor(ApiOperation operation) {
        return allowed;
    }

    @Override
    public String tokenOfARoleThatMayNot(ApiOperation operation) {
        return mayNot;
    }

    @Override
    public Map<String, String> pathValues(ApiOperation operation, boolean freshValues) {
        if (operation.path().contains("{planId}")) {
            int year = 3000 + fresh.incrementAndGet();
            return Map.of("planId", freshValues && operation.writes() ? year + "-" + year : "2020-2023");
        }
        if (operation.path().contains("{code}")) {
            boolean defines = operation.path().endsWith("{code}");
            String code = freshValues && operation.writes() && defines ? "GENERATED-" + fresh.incrementAndGet() : OWN_PROGRAMME_CODE;
            return Map.of("code", code, "year", operation.writes() ? "2090" : "2022");
        }
        return Map.of("year", operation.writes() ? "2090" : "2021", "budgetLine", "FOUNDATION_NON_EARMARKED");
    }

    @Override
    public Object ledger() {
        return Ledger.counts();
    }
}
