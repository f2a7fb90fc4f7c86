package org.unhabitat.contributions;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.management.ManagementInterfaceChecks;

import java.net.URL;

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
    void theOutboxRelayIsWatched() {
        new ManagementInterfaceChecks(management).theOutboxRelayIsWatched();
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
