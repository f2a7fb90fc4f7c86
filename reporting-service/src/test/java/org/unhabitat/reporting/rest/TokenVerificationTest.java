package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * and expiry (60 s of clock skew) are right. Every other token is a 401 problem, before any admin
 * operation starts.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class TokenVerificationTest {

    private static final List<Function<RequestSpecification, Response>> PROTECTED = List.of(
            request -> request.post("/api/v1/admin/rebuild"),
            request -> request.post("/api/v1/snapshots/2021-01"));

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
        Response response = PROTECTED.get(endpoint).apply(given().header("Authorization", "Bearer " + forged.get(kind)).when());
        assertProblem(response, 401);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void onlyAnAdminMayRebuildOrTakeSnapshots() {
        for (String token : List.of(TestTokens.partner("SWE"), TestTokens.finance())) {
            for (Function<RequestSpecification, Response> endpoint : PROTECTED) {
                assertProblem(endpoint.apply(given().auth().oauth2(token).when()), 403);
            }
        }
    }
}
