package org.unhabitat.testing.generative;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.unhabitat.testing.generative.GeneratedRequest.Expected;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unhabitat.testing.security.Problems.assertSafe;

/**
 * Hostile requests derived from the running service's own OpenAPI document, for every write
 * operation in it: a new operation or field is attacked without a test of its own. The requests
 * come from a seeded generator, so a run is repeatable ({@code -Dgenerative.seed=N} tries another
 * sample). Whatever a request holds, the service answers without a 5xx, any 4xx is problem+json
 * that leaks nothing, a refused request writes nothing, a valid one is accepted, and a certainly
 * invalid one is a 400 whose {@code errors} names the field.
 */
public final class GenerativeHostileSuite {

    public static final long SEED = 20_221_116L;
    public static final String SEED_PROPERTY = "generative.seed";

    private static final int ECHO_MINIMUM = 6;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    /** One container of requests per write operation of the document the service serves at /q/openapi. */
    public static Stream<DynamicNode> against(ServiceUnderTest service) {
        long seed = Long.getLong(SEED_PROPERTY, SEED);
        OpenApiDocument document = OpenApiDocument.parse(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<ApiOperation> operations = document.writeOperations();
        assertFalse(operations.isEmpty(), "the document has no write operation to attack");
        Random random = new Random(seed);
        List<DynamicNode> containers = new ArrayList<>();
        int total = 0;
        for (ApiOperation operation : operations) {
            List<GeneratedRequest> requests = RequestGenerator.requests(document, random, operation,
                    service.tokenOfARoleThatMayNot(operation) != null, service.sendsValidRequests(operation));
            total += requests.size();
            containers.add(DynamicContainer.dynamicContainer(operation.key() + " (" + requests.size() + " requests)",
                    requests.stream().map(request -> DynamicTest.dynamicTest(request.description() + " → " + request.expected(),
                            () -> send(service, request)))));
        }
        System.out.printf("Generative hostile suite of %s: %d requests over %d write operations, seed %d%n",
                document.title(), total, operations.size(), seed);
        return containers.stream();
    }

    /**
     * The requests the suite makes from a document with a seed, one line each: the operation, what the
     * answer must be, and the body as sent ({@code POST /api/v1/pledges BAD_REQUEST {"budgetLine":0,...}}).
     */
    public static List<String> plan(String document, long seed) {
        OpenApiDocument parsed = OpenApiDocument.parse(document);
        Random random = new Random(seed);
        return parsed.writeOperations().stream()
                .flatMap(operation -> RequestGenerator.requests(parsed, random, operation, true, true).stream())
                .map(request -> request.operation().key() + " " + request.expected() + " "
                        + (request.body() != null ? json(request.body()) : String.valueOf(request.rawBody())))
                .toList();
    }

    private static void send(ServiceUnderTest service, GeneratedRequest request) {
        ApiOperation operation = request.operation();
        Map<String, String> pathValues = new HashMap<>(service.pathValues(operation, request.expected().mayBeAccepted()));
        pathValues.putAll(request.pathOverrides());
        List<String> echoed = new ArrayList<>();
        pathValues.values().stream().filter(value -> value.length() >= ECHO_MINIMUM).forEach(echoed::add);

        RequestSpecification specification = given().urlEncodingEnabled(false);
        String token = switch (request.caller()) {
            case ALLOWED -> service.tokenFor(operation);
            case ROLE_THAT_MAY_NOT -> service.tokenOfARoleThatMayNot(operation);
            case NONE -> null;
        };
        if (token != null) {
            specification.auth().oauth2(token);
        }
        request.headers().forEach(specification::header);
        if (request.body() != null) {
            JsonNode body = request.body().deepCopy();
            if (request.expected() == Expected.ACCEPTED && body instanceof ObjectNode object) {
                service.makeRepeatable(operation, object);
            }
            texts(body, echoed);
            specification.contentType(ContentType.JSON).body(json(body));
        } else if (request.rawBody() != null) {
            specification.contentType(request.contentType()).body(request.rawBody());
        } else if (operation.otherBodyType() != null) {
            specification.contentType(operation.otherBodyType());
        }

        Object before = service.ledger();
        Response response = specification.when().request(operation.method(), operation.expand(pathValues));
        String context = operation.key() + " " + request.description() + ": " + response.getStatusLine() + " " + response.asString();

        assertSafe(response, echoed.toArray(String[]::new));
        int status = response.statusCode();
        if (status >= 400) {
            assertEquals(before, service.ledger(), "a refused request wrote something: " + context);
        }
        switch (request.expected()) {
            case ACCEPTED -> assertTrue(status >= 200 && status < 300, "a valid request must be accepted: " + context);
            case BAD_REQUEST -> {
                assertEquals(400, status, "a certainly invalid request must be a 400: " + context);
                if (request.field() != null) {
                    response.then().body("errors.field", hasItem(request.field()));
                }
            }
            case UNAUTHENTICATED -> assertEquals(401, status, context);
            case REFUSED -> assertTrue(status >= 400 && status < 500, "the request must be refused: " + context);
            case SAFE -> {
            }
        }
    }

    /** Text the request sent, which an answer may quote; short text is left out, lest it mask a leak by its removal. */
    private static void texts(JsonNode node, List<String> into) {
        if (node.isTextual() && node.asText().length() >= ECHO_MINIMUM) {
            into.add(node.asText());
        }
        node.forEach(child -> texts(child, into));
    }

    /** JSON text with every character beyond ASCII escaped, so that even half a surrogate pair arrives as sent. */
    static String json(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GenerativeHostileSuite() {
    }
}
