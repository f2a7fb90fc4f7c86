package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.security.OpenApiSnapshot;

import static io.restassured.RestAssured.given;

/**
 * OWASP API9: the committed src/test/resources/openapi/openapi.json is the inventory; an endpoint
 * added, removed or answering other statuses fails here until the snapshot is refreshed with
 * -Dopenapi.update=true and reviewed.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OpenApiInventoryTest {

    @Test
    void theRunningServiceOffersExactlyTheCommittedInventory() {
        String live = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiSnapshot.assertMatches(live, OpenApiSnapshot.DEFAULT_FILE);
    }
}
