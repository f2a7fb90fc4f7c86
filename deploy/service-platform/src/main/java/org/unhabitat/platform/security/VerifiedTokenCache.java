package org.unhabitat.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once rather than on every request. A partner sends the same token with each
 * request for its lifetime, and checking its RS256 signature and claims again every time was the largest
 * single cost of an authenticated request on the event loop. A token is trusted from the cache only while
 * unexpired and for {@link TokenCacheConfig#maxAge()} at most; then it is verified afresh.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens tokens;

    @Inject
    VerifiedTokenCache(@Delegate JWTParser parser, TokenCacheConfig config) {
        this.parser = parser;
        this.tokens = new VerifiedTokens(config.maxAge(), config.maxEntries(), System::currentTimeMillis);
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        return tokens.verified(bearerToken, parser::parse);
    }
}
