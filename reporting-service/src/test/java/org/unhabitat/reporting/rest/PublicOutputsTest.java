package org.unhabitat.reporting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.SuiteInfrastructure;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OWASP API3 on the way out: what the public sees names no individual donor and quotes no internal
 * note. Every public report without a path parameter is read, whatever reports are added later,
 * since the list comes from the service's own OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PublicOutputsTest {

    private static final String YEAR = "2013";
    private static final Contributor PERSON = new Contributor("DONOR-4411", "Ada Privateperson", "INDIVIDUAL");
    private static final Contributor STATE = new Contributor("NZL", "New Zealand", "MEMBER_STATE");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void noPublicReportNamesAnIndividualOrQuotesACancellationReason() throws IOException {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Pledge gift = events.pledge(PERSON, "FOUNDATION_NON_EARMARKED", "NON_EARMARKED", "GLOBAL", "USD", "1", YEAR + "-03-01",
                new Entry(2013, "500.00", "500.00"));
        events.pay(gift, "500.00", "1", "500.00", "500.00", YEAR + "-03-01", 2013);
        Pledge withdrawn = events.pledge(STATE, "FOUNDATION_EARMARKED", "EARMARKED", "ASIA_PACIFIC", "USD", "1", YEAR + "-02-01",
                new Entry(2013, "100000.00", "100000.00"));
        events.pay(withdrawn, "20000.00", "1", "20000.00", "20000.00", YEAR + "-04-01", 2013);
        events.cancel(withdrawn, 1, YEAR + "-05-01");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/top-contributors?year=" + YEAR)
                .then().statusCode(200).body("contributorCode", hasItem("NZL")).body("contributorCode", hasItem("INDIVIDUAL-DONORS")));

        List<String> reports = publicReports();
        assertTrue(reports.contains("/api/v1/top-contributors"), "the scan found the reports: " + reports);
        for (String report : reports) {
            String body = given().queryParam("year", YEAR).when().get(report).then().extract().asString();
            assertFalse(body.contains("Privateperson"), report + " names an individual: " + body);
            assertFalse(body.contains("DONOR-4411"), report + " identifies an individual: " + body);
            assertFalse(body.contains("partner withdrew"), report + " quotes a cancellation reason: " + body);
        }
    }

    private static List<String> publicReports() throws IOException {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(document).path("paths");
        List<String> reports = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            // Public operations say so with an empty security requirement (security: []).
            boolean isPublic = !get.has("security") || get.path("security").isEmpty();
            if (!path.getKey().contains("{") && !get.isMissingNode() && isPublic) {
                reports.add(path.getKey());
            }
        });
        return reports;
    }
}
