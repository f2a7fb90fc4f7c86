package org.unhabitat.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.unhabitat.reporting.config.RateLimitConfig;
import org.unhabitat.reporting.rest.problem.Problem;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-caller request budgets (OWASP API4): each partner by its token's subject, everyone without a
 * valid token by client address; over budget is a 429 problem with Retry-After. Finance and admin
 * are not limited: they are few, accountable staff, and the demo loader runs as finance. Pre-matching,
 * so floods of bad tokens or unknown paths spend a budget too.
 */
public class RateLimitFilter {

    private final RateLimitConfig config;
    private final TokenBuckets buckets;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper mapper;

    public RateLimitFilter(RateLimitConfig config, TokenBuckets buckets, CurrentIdentityAssociation identities,
                           ObjectMapper mapper) {
        this.config = config;
        this.buckets = buckets;
        this.identities = identities;
        this.mapper = mapper;
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
            wait = buckets.take("address:" + request.remoteAddress().hostAddress(), config.anonymous());
        } else if (identity.hasRole("finance") || identity.hasRole("admin")) {
            wait = Optional.empty();
        } else {
            wait = buckets.take("subject:" + identity.getPrincipal().getName(), config.partner());
        }
        return wait.map(duration -> tooManyRequests(duration, request.path())).orElse(null);
    }

    private Response tooManyRequests(Duration wait, String path) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = new Problem("https://open.unhabitat.org/problems/too-many-requests", "Too Many Requests", 429,
                "Request budget exhausted; retry in " + seconds + " s", path, null);
        try {
            return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, seconds)
                    .entity(mapper.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
