package org.unhabitat.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a bearer token, once verified, is trusted without verifying it again ({@link VerifiedTokenCache}). */
@ConfigMapping(prefix = "token-cache")
public interface TokenCacheConfig {

    /**
     * The longest a verified token is trusted from the cache, whatever its own expiry; zero turns the cache
     * off. It bounds how long a token stays accepted after its verification key is withdrawn.
     */
    @WithDefault("60S")
    Duration maxAge();

    /** Verified tokens kept at most; each takes a few kilobytes. */
    @WithDefault("1000")
    int maxEntries();
}
