package org.unhabitat.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.management.ManagementInterfaceChecks;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Health and metrics leave the API port for the management port; the public contract stays. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        new ManagementInterfaceChecks(management).healthAndMetricsAnswerOnTheManagementPort();
    }

    @Test
    void livenessFollowsBothConsumersAndTheirLagIsOnTheMetrics() {
        given().get(new ManagementInterfaceChecks(management).at("health/live")).then().statusCode(200)
                .body("checks.find { it.name == 'event consumers running' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event consumers running' }.data.'contributions.events'", equalTo("running"))
                .body("checks.find { it.name == 'event consumers running' }.data.'targets.events'", equalTo("running"));
        given().get(new ManagementInterfaceChecks(management).at("metrics")).then().statusCode(200)
                .body(containsString("reporting_consumer_lag{topic=\"contributions.events\"}"))
                .body(containsString("reporting_consumer_lag{topic=\"targets.events\"}"));
    }

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        new ManagementInterfaceChecks(management).healthAndMetricsAreNotServedOnTheApiPort();
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiStayOnTheApiPort() {
        new ManagementInterfaceChecks(management).theOpenApiDocumentAndSwaggerUiStayOnTheApiPort();
    }
}
