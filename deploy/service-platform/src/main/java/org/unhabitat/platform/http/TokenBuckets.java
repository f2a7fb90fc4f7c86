package org.unhabitat.platform.http;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per caller key, refilled continuously; in memory, so each instance limits on its own. */
@ApplicationScoped
public class TokenBuckets {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return empty when the request may go on, otherwise how long until it may */
    Optional<Duration> take(String key, RateLimitConfig.Limit limit) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(key, ignored -> new Bucket(limit, now)).take(now);
    }

    /** A full bucket is the same as none, so idle callers are forgotten and memory follows the active ones. */
    @Scheduled(every = "1m")
    void forgetIdleCallers() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static final class Bucket {

        private final RateLimitConfig.Limit limit;
        private double tokens;
        private long refilledAt;

        Bucket(RateLimitConfig.Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano())));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.burst();
        }

        private void refill(long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) * tokensPerNano());
            refilledAt = now;
        }

        private double tokensPerNano() {
            return limit.perMinute() / 60e9;
        }
    }
}
