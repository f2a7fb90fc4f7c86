package org.unhabitat.testing.management;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The same for every service (API.md, "Management port"): health and metrics answer on the management
 * port and nowhere else, while the OpenAPI document and Swagger UI stay on the API port, which REST
 * Assured targets by default.
 *
 * @param management the management interface's root path ({@code /q} on the management port), as
 *                   {@code @TestHTTPResource(value = "/", management = true)} gives it
 */
public record ManagementInterfaceChecks(URL management) {

    public void healthAndMetricsAnswerOnTheManagementPort() {
        given().get(at("health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(at("health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        // Prometheus' text format, with the connection pool's gauges among the series.
        given().get(at("metrics")).then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("agroal_active_count"));
    }

    /** A producing service: liveness follows the outbox relay thread, and the backlog is on /q/metrics. */
    public void theOutboxRelayIsWatched() {
        given().get(at("health/live")).then().statusCode(200)
                .body("checks.find { it.name == 'outbox relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox relay' }.data.relay", equalTo("running"));
        given().get(at("metrics")).then().statusCode(200)
                .body(containsString("# TYPE outbox_backlog gauge"))
                .body(containsString("# TYPE outbox_oldest_pending_seconds gauge"));
    }

    public void healthAndMetricsAreNotServedOnTheApiPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started"}) {
            given().get(path).then().statusCode(404);
        }
    }

    public void theOpenApiDocumentAndSwaggerUiStayOnTheApiPort() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", containsString("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get(at("openapi")).then().statusCode(404);
    }

    public URL at(String path) {
        try {
            String root = management.toString();
            return new URI(root.endsWith("/") ? root : root + "/").resolve(path).toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException(management + " + " + path, e);
        }
    }
}
