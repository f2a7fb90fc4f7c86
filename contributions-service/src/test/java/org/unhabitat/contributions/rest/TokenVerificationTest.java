package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.ForgedTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * OWASP API2: a token counts only if its RS256 signature is the issuer's, and its issuer, audience
 * and expiry (60 s of clock skew) are right. Every other token is a 401 problem, and writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class TokenVerificationTest {

    private static final String PLEDGE = """
            {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
             "region":"GLOBAL","currency":"SEK","amount":"1000","pledgedOn":"2021-09-15"}""";

    /** Each endpoint that needs a token, as a request to send. */
    private static final List<Function<RequestSpecification, Response>> PROTECTED = List.of(
            request -> request.get("/api/v1/pledges"),
            request -> request.get("/api/v1/contributors/SWE"),
            request -> request.contentType(ContentType.JSON).body(PLEDGE).post("/api/v1/pledges"),
            request -> request.contentType(ContentType.JSON).body("{\"unitsPerUsd\":\"1.5\"}").put("/api/v1/exchange-rates/SEK/2021-10"),
            request -> request.contentType(ContentType.JSON).body("{\"name\":\"Evil\",\"type\":\"OTHER\"}").put("/api/v1/contributors/EVIL"));

    /** Made once, on first use: the signing key exists only once the service under test has started. */
    private static Map<String, String> forged;

    @Inject
    DataSource dataSource;

    @Inject
    JWTParser parser;

    static Stream<Arguments> badTokensAgainstProtectedEndpoints() {
        return ForgedTokens.KINDS.stream()
                .flatMap(kind -> IntStream.range(0, PROTECTED.size()).mapToObj(endpoint -> Arguments.of(kind, endpoint)));
    }

    @BeforeEach
    void swedenAndItsRateExist() {
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        Given.rate("SEK", "2021-09", "8.75");
        if (forged == null) {
            forged = ForgedTokens.all(TestTokens.tokens(), SuiteInfrastructure.ISSUER, SuiteInfrastructure.AUDIENCE);
        }
    }

    @ParameterizedTest(name = "{0} on endpoint {1}")
    @MethodSource("badTokensAgainstProtectedEndpoints")
    void aBadTokenIsUnauthorizedAndWritesNothing(String kind, int endpoint) {
        long before = Ledger.rows(dataSource);
        Response response = PROTECTED.get(endpoint).apply(given().header("Authorization", "Bearer " + forged.get(kind)).when());
        assertProblem(response, 401);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        assertEquals(before, Ledger.rows(dataSource), kind + " wrote nothing");
    }

    @Test
    void aTokenExpiredWithinTheSixtySecondsOfClockSkewIsStillAccepted() {
        String token = TestTokens.tokens().mint("finance", null, Instant.now().minusSeconds(330), Duration.ofMinutes(5),
                SuiteInfrastructure.AUDIENCE);
        given().auth().oauth2(token).when().get("/api/v1/pledges?limit=1").then().statusCode(200);
    }

    @Test
    void theSameRequestWithAGoodTokenIsAccepted() {
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?limit=1").then().statusCode(200);
    }

    @Test
    void aGoodTokenIsVerifiedOnceAndThenTrustedUntilItExpires() throws ParseException {
        String token = TestTokens.tokens().mint("finance", null, Instant.now(), Duration.ofMinutes(5), SuiteInfrastructure.AUDIENCE);
        assertSame(parser.parse(token), parser.parse(token));
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainOnEveryRequestEvenWithinTheClockSkew() throws ParseException {
        String token = TestTokens.tokens().mint("finance", null, Instant.now().minusSeconds(330), Duration.ofMinutes(5),
                SuiteInfrastructure.AUDIENCE);
        assertNotSame(parser.parse(token), parser.parse(token));
    }
}
