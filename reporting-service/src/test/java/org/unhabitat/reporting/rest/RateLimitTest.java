package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.security.RateLimitChecks;

import java.util.Map;

/** OWASP API4: a caller over its budget gets 429 with Retry-After; other callers are not affected. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
@TestProfile(RateLimitTest.TightBudgets.class)
class RateLimitTest {

    private static final RateLimitChecks CHECKS = new RateLimitChecks("/api/v1/regions?year=2021", "/api/v1/snapshots/1999-01",
            request -> request.post("/api/v1/admin/rebuild"));

    public static class TightBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return RateLimitChecks.TIGHT_BUDGETS;
        }
    }

    @Test
    void aPartnerOverItsBudgetIsTold429AndWhenToRetryWhileOtherPartnersGoOn() {
        CHECKS.aPartnerOverItsBudgetIsTold429AndWhenToRetryWhileOtherPartnersGoOn();
    }

    @Test
    void thePublicIsLimitedPerClientAddress() {
        CHECKS.thePublicIsLimitedPerClientAddress();
    }

    @Test
    void anIpv6ClientIsLimitedPerSlashSixtyFour() {
        CHECKS.anIpv6ClientIsLimitedPerSlashSixtyFour();
    }

    @Test
    void badTokensSpendTheAddressBudgetToo() {
        CHECKS.badTokensSpendTheAddressBudgetToo();
    }
}
