package org.unhabitat.platform.security;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    private long clock = NOW;
    private final List<String> verifications = new ArrayList<>();

    /** Accepts any token but "forged", and makes each expire at the second its string ends with. */
    private JsonWebToken verify(String bearerToken) throws ParseException {
        verifications.add(bearerToken);
        if (bearerToken.startsWith("forged")) {
            throw new ParseException("bad signature");
        }
        return token(Long.parseLong(bearerToken.substring(bearerToken.indexOf('@') + 1)));
    }

    private VerifiedTokens cache(Duration maxAge, int maxEntries) {
        return new VerifiedTokens(maxAge, maxEntries, () -> clock);
    }

    private static String expiringIn(String name, long seconds) {
        return name + "@" + (NOW / 1000 + seconds);
    }

    @Test
    void aTokenIsVerifiedOnceAndThenServedAsVerifiedUntilMaxAge() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        String bearer = expiringIn("partner", 3600);
        JsonWebToken first = tokens.verified(bearer, this::verify);
        clock = NOW + 59_999;
        assertSame(first, tokens.verified(bearer, this::verify));
        assertEquals(1, verifications.size());
        clock = NOW + 60_000;
        tokens.verified(bearer, this::verify);
        assertEquals(2, verifications.size(), "verified again once max age is reached");
    }

    @Test
    void aTokenIsNeverServedFromTheCacheOnceItHasExpired() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        String bearer = expiringIn("partner", 10);
        tokens.verified(bearer, this::verify);
        clock = NOW + 10_000;
        tokens.verified(bearer, this::verify);
        assertEquals(2, verifications.size());
    }

    @Test
    void aTokenAcceptedAfterItsExpiryWithinTheClockSkewIsVerifiedEveryTime() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        String bearer = expiringIn("late", -30);
        tokens.verified(bearer, this::verify);
        tokens.verified(bearer, this::verify);
        assertEquals(2, verifications.size());
        assertEquals(0, tokens.size());
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        String bearer = expiringIn("forged", 3600);
        assertThrows(ParseException.class, () -> tokens.verified(bearer, this::verify));
        assertThrows(ParseException.class, () -> tokens.verified(bearer, this::verify));
        assertEquals(2, verifications.size());
        assertEquals(0, tokens.size());
    }

    @Test
    void onlyTheExactVerifiedStringIsAHit() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        String bearer = expiringIn("partner", 3600);
        tokens.verified(bearer, this::verify);
        assertThrows(ParseException.class, () -> tokens.verified("forged" + bearer, this::verify));
        assertEquals(List.of(bearer, "forged" + bearer), verifications);
    }

    @Test
    void aMaxAgeOfZeroVerifiesEveryRequest() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ZERO, 10);
        String bearer = expiringIn("partner", 3600);
        tokens.verified(bearer, this::verify);
        tokens.verified(bearer, this::verify);
        assertEquals(2, verifications.size());
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndNeverHoldsMoreThanItsMaximum() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 3);
        tokens.verified(expiringIn("a", 5), this::verify);
        tokens.verified(expiringIn("b", 3600), this::verify);
        tokens.verified(expiringIn("c", 3600), this::verify);
        clock = NOW + 5_000;
        tokens.verified(expiringIn("d", 3600), this::verify);
        assertEquals(3, tokens.size(), "the expired token made room");
        tokens.verified(expiringIn("b", 3600), this::verify);
        assertEquals(4, verifications.size(), "b is still served from the cache");
        tokens.verified(expiringIn("e", 3600), this::verify);
        assertEquals(1, tokens.size(), "with every entry still trusted, the cache starts afresh");
    }

    private static JsonWebToken token(long expiresAtSecond) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "subject";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.exp.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return Claims.exp.name().equals(claimName) ? (T) Long.valueOf(expiresAtSecond) : null;
            }
        };
    }
}
