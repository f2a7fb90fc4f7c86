package org.unhabitat.reporting.rest;

import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * nosniff on every response, whoever writes it (JAX-RS, the 413 guard, health, OpenAPI, a 404 for
 * an unknown path): a browser must never guess that a JSON error is HTML. Installed first, ahead of
 * every other route, and applied when the headers go out.
 */
@ApplicationScoped
public class SecurityHeaders {

    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response().headers().set("X-Content-Type-Options", "nosniff"));
            context.next();
        });
    }
}
