package org.unhabitat.testing.security;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.unhabitat.testing.TestTokens;

import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * OWASP API4, the same for every service: a caller over its budget gets 429 with Retry-After, and
 * other callers are not affected. Run against a service started with {@link #TIGHT_BUDGETS}.
 */
public final class RateLimitChecks {

    public static final int BURST = 5;

    /** Budgets small enough to exhaust in a test; refilling one request a minute, so none comes back meanwhile. */
    public static final Map<String, String> TIGHT_BUDGETS = Map.of(
            "rate-limit.partner.burst", String.valueOf(BURST), "rate-limit.partner.per-minute", "1",
            "rate-limit.public.burst", String.valueOf(BURST), "rate-limit.public.per-minute", "1");

    private final String partnerReadPath;
    private final String publicMissingPath;
    private final Function<RequestSpecification, Response> protectedRequest;

    /**
     * @param partnerReadPath   a GET that a partner may make (200)
     * @param publicMissingPath a public GET of something that does not exist (404)
     * @param protectedRequest  a request that needs a valid token (401 with a forged one)
     */
    public RateLimitChecks(String partnerReadPath, String publicMissingPath,
                           Function<RequestSpecification, Response> protectedRequest) {
        this.partnerReadPath = partnerReadPath;
        this.publicMissingPath = publicMissingPath;
        this.protectedRequest = protectedRequest;
    }

    public void aPartnerOverItsBudgetIsTold429AndWhenToRetryWhileOtherPartnersGoOn() {
        String sweden = TestTokens.partner("SWE");
        for (int request = 0; request < BURST; request++) {
            given().auth().oauth2(sweden).when().get(partnerReadPath).then().statusCode(200);
        }
        Response refused = given().auth().oauth2(sweden).when().get(partnerReadPath);
        assertProblem(refused, 429);
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, "Retry-After in seconds");
        given().auth().oauth2(TestTokens.partner("FIN")).when().get(partnerReadPath).then().statusCode(200);
        given().auth().oauth2(TestTokens.finance()).when().get(partnerReadPath).then().statusCode(200);
    }

    public void thePublicIsLimitedPerClientAddress() {
        for (int request = 0; request < BURST; request++) {
            assertEquals(404, given().header("X-Forwarded-For", "203.0.113.10").when().get(publicMissingPath).statusCode());
        }
        assertProblem(given().header("X-Forwarded-For", "203.0.113.10").when().get(publicMissingPath), 429);
        assertEquals(404, given().header("X-Forwarded-For", "203.0.113.11").when().get(publicMissingPath).statusCode());
    }

    /** An IPv6 client can pick any address of its /64: rotating through them buys no fresh budget. */
    public void anIpv6ClientIsLimitedPerSlashSixtyFour() {
        for (int request = 0; request < BURST; request++) {
            String rotated = "2001:db8:64:1::" + Integer.toHexString(request + 1);
            assertEquals(404, given().header("X-Forwarded-For", rotated).when().get(publicMissingPath).statusCode());
        }
        assertProblem(given().header("X-Forwarded-For", "2001:db8:64:1:ffff:ffff:ffff:ffff").when().get(publicMissingPath), 429);
        assertEquals(404, given().header("X-Forwarded-For", "2001:db8:64:2::1").when().get(publicMissingPath).statusCode());
    }

    public void badTokensSpendTheAddressBudgetToo() {
        for (int request = 0; request < BURST; request++) {
            protectedRequest.apply(given().header("X-Forwarded-For", "203.0.113.20").auth().oauth2("forged").when())
                    .then().statusCode(401);
        }
        assertProblem(protectedRequest.apply(given().header("X-Forwarded-For", "203.0.113.20").auth().oauth2("forged").when()), 429);
    }
}
