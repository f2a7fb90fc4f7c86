package org.unhabitat.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses a body over its path's limit before anything reads it, with a problem+json 413 instead of
 * the server's empty one. quarkus.http.limits.max-body-size is the ceiling the server enforces on
 * every path; platform.http.limits.max-body-size (default: the ceiling) is the limit of every path
 * but the POSTs to platform.http.limits.large-body-paths, which may send up to the ceiling. A path
 * with a large body reads it as a stream and counts it itself, so that a chunked body past the
 * ceiling is refused as a problem too. A chunked body past the general limit is cut off by the
 * server itself, with an empty 413. The declared-length check runs right after the route that adds
 * the configured response headers (quarkus.http.header.*), so its answer carries them too, and
 * before the server's own limit; the chunked limit is set just after the server's own.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    private static final String BODY = """
            {"type":"https://open.unhabitat.org/problems/payload-too-large","title":"Payload Too Large","status":413,\
            "detail":"The request body is larger than %d bytes"}""";

    private final long ceiling;
    private final long limit;
    private final List<String> largeBodyPaths;

    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize ceiling,
                              @ConfigProperty(name = "platform.http.limits.max-body-size") Optional<MemorySize> limit,
                              @ConfigProperty(name = "platform.http.limits.large-body-paths") Optional<List<String>> largeBodyPaths) {
        this.ceiling = ceiling.asLongValue();
        this.limit = limit.map(MemorySize::asLongValue).orElse(this.ceiling);
        this.largeBodyPaths = largeBodyPaths.orElse(List.of());
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS + 1).handler(this::checkDeclared);
        if (limit < ceiling) {
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limitChunked);
        }
    }

    private void checkDeclared(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long allowed = limitOf(context);
        if (declared != null && exceeds(declared, allowed)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(BODY.formatted(allowed));
            return;
        }
        context.next();
    }

    /** The server put the ceiling on a chunked body; every other path gets the general limit instead. */
    private void limitChunked(RoutingContext context) {
        if (context.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
            if (isLargeBodyPath(context)) {
                context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            } else {
                context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
            }
        }
        context.next();
    }

    private long limitOf(RoutingContext context) {
        return isLargeBodyPath(context) ? ceiling : limit;
    }

    private boolean isLargeBodyPath(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && largeBodyPaths.contains(context.normalizedPath());
    }

    private static boolean exceeds(String declared, long allowed) {
        try {
            return Long.parseLong(declared.trim()) > allowed;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
