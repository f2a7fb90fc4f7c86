package org.unhabitat.platform.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.unhabitat.platform.problem.ProblemResponses;
import org.unhabitat.platform.security.CurrentCaller;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-caller request budgets (OWASP API4): each partner by its token's subject, everyone without a
 * valid token by client address (an IPv6 client by its /64); over budget is a 429 problem with Retry-After. Staff (finance and
 * admin) are not limited: they are few, accountable people, and the demo loader runs as finance.
 * Pre-matching, so floods of bad tokens or unknown paths spend a budget too.
 */
public class RateLimitFilter {

    private final RateLimitConfig config;
    private final TokenBuckets buckets;
    private final CurrentIdentityAssociation identities;
    private final ProblemResponses problems;

    public RateLimitFilter(RateLimitConfig config, TokenBuckets buckets, CurrentIdentityAssociation identities,
                           ProblemResponses problems) {
        this.config = config;
        this.buckets = buckets;
        this.identities = identities;
        this.problems = problems;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(HttpServerRequest request) {
        // A token that fails verification makes its bearer anonymous here; the security check still answers 401.
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> check(identity, request));
    }

    private Response check(SecurityIdentity identity, HttpServerRequest request) {
        Optional<Duration> wait;
        if (identity == null || identity.isAnonymous()) {
            wait = buckets.take("address:" + ClientNetwork.of(request.remoteAddress().hostAddress()), config.anonymous());
        } else if (CurrentCaller.of(identity, null).isStaff()) {
            wait = Optional.empty();
        } else {
            wait = buckets.take("subject:" + identity.getPrincipal().getName(), config.partner());
        }
        return wait.map(duration -> tooManyRequests(duration, request.path())).orElse(null);
    }

    private Response tooManyRequests(Duration wait, String path) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(problems.response(429, "too-many-requests", "Too Many Requests",
                        "Request budget exhausted; retry in " + seconds + " s", path, null))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
