package org.unhabitat.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unhabitat.testing.security.Problems.assertProblem;

/** OWASP API4: a caller over its budget gets 429 with Retry-After; other callers are not affected. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestProfile(RateLimitTest.TightBudgets.class)
class RateLimitTest {

    private static final int BURST = 5;

    /** Budgets small enough to exhaust in a test; refilling one request a minute, so none comes back meanwhile. */
    public static class TightBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rate-limit.partner.burst", String.valueOf(BURST), "rate-limit.partner.per-minute", "1",
                    "rate-limit.public.burst", String.valueOf(BURST), "rate-limit.public.per-minute", "1");
        }
    }

    @Test
    void aPartnerOverItsBudgetIsTold429AndWhenToRetryWhileOtherPartnersGoOn() {
        String sweden = TestTokens.partner("SWE");
        for (int request = 0; request < BURST; request++) {
            given().auth().oauth2(sweden).when().get("/api/v1/regions?year=2021").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(sweden).when().get("/api/v1/regions?year=2021");
        assertProblem(refused, 429);
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, "Retry-After in seconds");
        given().auth().oauth2(TestTokens.partner("FIN")).when().get("/api/v1/regions?year=2021").then().statusCode(200);
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/regions?year=2021").then().statusCode(200);
    }

    @Test
    void thePublicIsLimitedPerClientAddress() {
        for (int request = 0; request < BURST; request++) {
            assertEquals(404, given().header("X-Forwarded-For", "203.0.113.10").when()
                    .get("/api/v1/snapshots/1999-01").statusCode());
        }
        assertProblem(given().header("X-Forwarded-For", "203.0.113.10").when().get("/api/v1/snapshots/1999-01"), 429);
        assertEquals(404, given().header("X-Forwarded-For", "203.0.113.11").when().get("/api/v1/snapshots/1999-01").statusCode());
    }

    @Test
    void badTokensSpendTheAddressBudgetToo() {
        for (int request = 0; request < BURST; request++) {
            given().header("X-Forwarded-For", "203.0.113.20").auth().oauth2("forged").when().post("/api/v1/admin/rebuild")
                    .then().statusCode(401);
        }
        assertProblem(given().header("X-Forwarded-For", "203.0.113.20").auth().oauth2("forged").when().post("/api/v1/admin/rebuild"), 429);
    }
}
