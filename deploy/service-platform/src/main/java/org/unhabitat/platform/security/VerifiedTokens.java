package org.unhabitat.platform.security;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Bearer tokens that passed verification, each trusted until its expiry or for {@code maxAge}, whichever
 * comes first. Only the exact token string that was verified is a hit; a failed verification is never kept.
 */
final class VerifiedTokens {

    /** Verifies a token's signature and claims, or throws. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String bearerToken) throws ParseException;
    }

    private record Verified(JsonWebToken token, long trustedUntilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;

    VerifiedTokens(Duration maxAge, int maxEntries, LongSupplier clockMillis) {
        this.maxAgeMillis = maxAge.toMillis();
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    JsonWebToken verified(String bearerToken, Verifier verifier) throws ParseException {
        long now = clockMillis.getAsLong();
        Verified hit = verified.get(bearerToken);
        if (hit != null && now < hit.trustedUntilMillis()) {
            return hit.token();
        }
        if (hit != null) {
            verified.remove(bearerToken, hit);
        }
        JsonWebToken token = verifier.verify(bearerToken);
        // Saturates rather than throws: a far-future expiry must not turn a good token into a 500.
        long trustedUntil = Math.min(TimeUnit.SECONDS.toMillis(token.getExpirationTime()), now + maxAgeMillis);
        if (trustedUntil > now) {
            keepRoomForOneMore(now);
            verified.put(bearerToken, new Verified(token, trustedUntil));
        }
        return token;
    }

    int size() {
        return verified.size();
    }

    /** Drops what is no longer trusted; if every entry still is, starts afresh rather than track use. */
    private void keepRoomForOneMore(long now) {
        if (verified.size() < maxEntries) {
            return;
        }
        verified.values().removeIf(entry -> now >= entry.trustedUntilMillis());
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
    }
}
