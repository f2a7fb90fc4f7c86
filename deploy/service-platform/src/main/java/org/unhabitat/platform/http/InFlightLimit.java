package org.unhabitat.platform.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.unhabitat.platform.problem.Problem;
import org.unhabitat.platform.problem.ProblemResponses;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the API requests one instance works on at once. Past {@link InFlightLimitConfig#max()}, a request is
 * refused at once with a 503 problem and Retry-After, on the event loop, before its token is checked or its body
 * read. Without a bound, a burst beyond what the cores serve queues ahead of the worker threads: offered three
 * times what contributions-service could post, accepted requests waited 16.9 s at the p50 and the queued ones
 * filled its heap, which then spent 37 s in full collections. The management interface (health, metrics) has a
 * router of its own and is never refused.
 */
@ApplicationScoped
public class InFlightLimit {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final InFlightLimitConfig config;
    private final ProblemResponses problems;

    public InFlightLimit(InFlightLimitConfig config, ProblemResponses problems) {
        this.config = config;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        // Beside the size guard, ahead of authentication and the resources: a refused request costs no token check.
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS + 1).handler(this::admit);
    }

    /** Requests admitted and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    private void admit(RoutingContext context) {
        if (inFlight.incrementAndGet() > config.max()) {
            inFlight.decrementAndGet();
            context.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()))
                    .end(problems.body(503, "overloaded", "Service Unavailable",
                            "The service is working on as many requests as it takes at once; retry in "
                                    + config.retryAfterSeconds() + " s", context.request().path()));
            return;
        }
        // Called once, when the response has been sent or the connection closed before it could be.
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }
}
