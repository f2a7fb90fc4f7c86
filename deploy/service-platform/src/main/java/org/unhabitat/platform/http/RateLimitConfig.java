package org.unhabitat.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Request budgets per caller. The defaults (application.properties) are far above what a partner
 * system, the portal or the demo loader needs, and far below what it takes to exhaust the database pool.
 */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {

    /** Each partner system, by its token's subject. */
    Limit partner();

    /** Callers without a valid token, by client address. */
    @WithName("public")
    Limit anonymous();

    interface Limit {

        /** Requests allowed at once after a quiet spell: the bucket's size. */
        int burst();

        /** Requests per minute sustained: how fast the bucket refills. */
        int perMinute();
    }
}
