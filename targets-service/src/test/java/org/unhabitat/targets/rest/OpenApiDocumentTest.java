package org.unhabitat.targets.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partners integrate from Swagger UI alone, so the document itself is under test. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummaryADescriptionAndAnExampleOfItsSuccess() throws IOException {
        List<Map.Entry<String, JsonNode>> operations = operations();
        assertEquals(18, operations.size(), "every endpoint of the service is documented");
        for (Map.Entry<String, JsonNode> operation : operations) {
            JsonNode node = operation.getValue();
            assertFalse(node.path("summary").asText().isBlank(), operation.getKey() + " has a summary");
            assertFalse(node.path("description").asText().isBlank(), operation.getKey() + " has a description");
            JsonNode success = node.path("responses").has("201") ? node.path("responses").path("201") : node.path("responses").path("200");
            boolean budgetLines = operation.getKey().endsWith("/api/v1/budget-lines");
            assertTrue(budgetLines || success.path("content").path("application/json").has("examples"),
                    operation.getKey() + " shows an example of its success");
        }
    }

    @Test
    void everyWriteRequiresTheBearerSchemeAndDocumentsItsErrors() throws IOException {
        List<Map.Entry<String, JsonNode>> writes = operations().stream().filter(operation -> operation.getKey().startsWith("PUT")).toList();
        assertEquals(5, writes.size());
        for (Map.Entry<String, JsonNode> write : writes) {
            JsonNode node = write.getValue();
            assertTrue(node.path("security").toString().contains("\"bearer\""), write.getKey() + " names the bearer scheme");
            for (String status : List.of("200", "201", "400", "401", "403")) {
                assertTrue(node.path("responses").has(status), write.getKey() + " documents " + status);
            }
            assertTrue(node.path("requestBody").path("content").path("application/json").has("examples"),
                    write.getKey() + " shows an example request");
        }
    }

    @Test
    void readsArePublicAndSaySoWithAnEmptySecurityList() throws IOException {
        operations().stream().filter(operation -> operation.getKey().startsWith("GET")).forEach(read -> {
            assertTrue(read.getValue().path("security").isArray(), read.getKey() + " declares its security");
            assertTrue(read.getValue().path("security").isEmpty(), read.getKey() + " is public");
        });
    }

    private static List<Map.Entry<String, JsonNode>> operations() throws IOException {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(document).path("paths");
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()))));
        return operations;
    }
}
