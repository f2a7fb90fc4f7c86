package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unhabitat.targets.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.ForgedTokens;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * OWASP API2: a token counts only if its RS256 signature is the issuer's, and its issuer, audience
 * and expiry (60 s of clock skew) are right. Every other token is a 401 problem, and writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class TokenVerificationTest {

    private static final String FIGURE = "{\"amountUsd\":\"1.00\",\"reason\":\"forged\"}";

    private static final List<Function<RequestSpecification, Response>> PROTECTED = List.of(
            request -> request.contentType(ContentType.JSON).body(FIGURE).put("/api/v1/targets/2021/REGULAR_BUDGET"),
            request -> request.contentType(ContentType.JSON).body(FIGURE).put("/api/v1/approved-budgets/2022/REGULAR_BUDGET"),
            request -> request.contentType(ContentType.JSON).body("""
                    {"lines":[{"budgetLine":"REGULAR_BUDGET","amountUsd":"1"},{"budgetLine":"FOUNDATION_NON_EARMARKED","amountUsd":"1"},
                     {"budgetLine":"FOUNDATION_EARMARKED","amountUsd":"1"},{"budgetLine":"TECHNICAL_COOPERATION","amountUsd":"1"}],
                     "reason":"forged"}""").put("/api/v1/plans/2090-2091"));

    /** Made once, on first use: the signing key exists only once the service under test has started. */
    private static Map<String, String> forged;

    static Stream<Arguments> badTokensAgainstProtectedEndpoints() {
        return ForgedTokens.KINDS.stream()
                .flatMap(kind -> IntStream.range(0, PROTECTED.size()).mapToObj(endpoint -> Arguments.of(kind, endpoint)));
    }

    @BeforeEach
    void forgeOnce() {
        if (forged == null) {
            forged = ForgedTokens.all(TestTokens.tokens(), SuiteInfrastructure.ISSUER, SuiteInfrastructure.AUDIENCE);
        }
    }

    @ParameterizedTest(name = "{0} on endpoint {1}")
    @MethodSource("badTokensAgainstProtectedEndpoints")
    void aBadTokenIsUnauthorizedAndWritesNothing(String kind, int endpoint) {
        Ledger.Counts before = Ledger.counts();
        Response response = PROTECTED.get(endpoint).apply(given().header("Authorization", "Bearer " + forged.get(kind)).when());
        assertProblem(response, 401);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        assertEquals(before, Ledger.counts(), kind + " wrote nothing");
    }

    @Test
    void aPartnerOrAdminTokenMayNotSetTargets() {
        for (String token : List.of(TestTokens.partner("SWE"), TestTokens.admin())) {
            assertProblem(PROTECTED.get(0).apply(given().auth().oauth2(token).when()), 403);
        }
    }
}
