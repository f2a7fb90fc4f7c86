package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pledge's 201 is built from what the service meant to write; the pledge is written by statements of its own
 * (PledgeInserts). Reading it back through the entities must give every field the 201 gave.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class RecordedPledgeReadBackTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void referenceData() {
        Given.feasibilityFundKnown(bootstrapServers);
        Given.contributor("READ-BACK-TRUST", "Read Back Trust", "FOUNDATION");
        Given.rate("CLF", "2022-02", "0.0265");
    }

    @Test
    void aPledgeWithEveryFieldSetReadsBackByIdInItsVersionsAndInTheListAsItsCreatedResponseSaid() {
        String reference = "READ-BACK-" + UUID.randomUUID();
        JsonPath created = JsonPath.from(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"contributorCode":"READ-BACK-TRUST","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED",
                         "region":"LATIN_AMERICA_CARIBBEAN","currency":"CLF","amount":"1000.1234","pledgedOn":"2022-02-14",
                         "reference":"%s","programme":"UIF-FEASIBILITY-FUND","channel":"POOLED_FUND","modality":"BLENDED",
                         "schedule":[{"year":2022,"amount":"600.1234","dueOn":"2022-06-30"},{"year":2023,"amount":"400"}]}"""
                        .formatted(reference))
                .when().post("/api/v1/pledges").then().statusCode(201).extract().asString());
        String id = created.getString("id");
        assertEquals("1000.1234", created.getString("amount"));
        assertEquals("37740.51", created.getString("usdAmount"));
        assertEquals(List.of("2022-06-30", "2023-12-31"), created.getList("schedule.dueOn"));

        Map<String, Object> byId = read("/api/v1/pledges/" + id).getMap("");
        assertEquals(created.getMap(""), byId);

        JsonPath listed = read("/api/v1/pledges?contributor=READ-BACK-TRUST&limit=100");
        assertEquals(created.getMap(""), listed.getMap("items.find { it.id == '" + id + "' }"));

        JsonPath versions = read("/api/v1/pledges/" + id + "/versions");
        assertEquals(List.of(1), versions.getList("version"));
        assertEquals("1000.1234", versions.getString("[0].amount"));
        assertEquals("37740.51", versions.getString("[0].usdAmount"));
        assertEquals(List.of(2022, 2023), versions.getList("[0].schedule.year"));
        assertEquals(List.of("600.1234", "400.0000"), versions.getList("[0].schedule.amount"));
        assertEquals(List.of("2022-06-30", "2023-12-31"), versions.getList("[0].schedule.dueOn"));
        assertEquals(created.getString("recordedAt"), versions.getString("[0].recordedAt"));
    }

    private static JsonPath read(String path) {
        return JsonPath.from(given().auth().oauth2(TestTokens.finance()).when().get(path)
                .then().statusCode(200).extract().asString());
    }
}
