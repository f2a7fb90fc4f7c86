package org.unhabitat.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body that declares more than quarkus.http.limits.max-body-size before anything reads
 * it, with a problem+json 413 instead of the server's empty one. A chunked body that grows past the
 * limit is still cut off by the server itself, with an empty 413. It runs right after the route that
 * adds the configured response headers (quarkus.http.header.*), so its answer carries them too, and
 * before the body handler.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    private static final String BODY = """
            {"type":"https://open.unhabitat.org/problems/payload-too-large","title":"Payload Too Large","status":413,\
            "detail":"The request body is larger than %d bytes"}""";

    private final long limit;

    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(BODY.formatted(limit));
            return;
        }
        context.next();
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
