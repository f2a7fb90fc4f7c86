package org.unhabitat.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.unhabitat.testing.generative.ApiOperation;
import org.unhabitat.testing.generative.OpenApiDocument;
import org.unhabitat.testing.generative.ServiceUnderTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A sample of requests derived from a service's document, sent through the {@link ValidatingProxy}
 * so that the answers, successes and errors alike, are checked against it: for every operation its
 * example (without parameters, with each documented parameter example alone, and with all of them),
 * then a forged token, a role that may not, an unacceptable Accept header, a bad value for each
 * parameter, and for a body an incomplete one, an unknown field, another media type and one too large.
 */
public final class DocumentSample {

    private static final String FORGED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.c2lnbmF0dXJl";

    private final ValidatingProxy proxy;
    private final ServiceUnderTest service;

    private DocumentSample(ValidatingProxy proxy, ServiceUnderTest service) {
        this.proxy = proxy;
        this.service = service;
    }

    /** Sends the sample of every operation of the document through the proxy. */
    public static void sendEveryOperation(ValidatingProxy proxy, OpenApiDocument document, ServiceUnderTest service) {
        DocumentSample sample = new DocumentSample(proxy, service);
        document.operations().forEach(sample::send);
    }

    private void send(ApiOperation operation) {
        String token = operation.secured() ? service.tokenFor(operation) : null;
        Map<String, String> examples = new LinkedHashMap<>();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.example() != null) {
                examples.put(parameter.name(), parameter.example());
            }
        }
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(Map.of());
        examples.forEach((name, value) -> queries.add(Map.of(name, value)));
        if (examples.size() > 1) {
            queries.add(examples);
        }
        for (Map<String, String> query : queries) {
            exchange(operation, "its example" + (query.isEmpty() ? "" : " with " + query), token, query, true, body -> body);
        }
        if (operation.secured()) {
            exchange(operation, "a forged token", FORGED_TOKEN, examples, false, body -> body);
            String other = service.tokenOfARoleThatMayNot(operation);
            if (other != null) {
                exchange(operation, "a role that may not", other, examples, false, body -> body);
            }
        }
        check(operation, "an unacceptable Accept header",
                request(token, examples).accept("application/x-unacceptable"), false, operation.bodyExample());
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query")) {
                Map<String, String> bad = new LinkedHashMap<>(examples);
                bad.put(parameter.name(), "not-a-value");
                exchange(operation, parameter.name() + " that means nothing", token, bad, false, body -> body);
            }
        }
        if (operation.takesBody()) {
            exchange(operation, "an empty object", token, examples, false, body -> body instanceof ObjectNode object ? object.deepCopy().removeAll() : body);
            exchange(operation, "an unknown field", token, examples, false,
                    body -> body instanceof ObjectNode object ? object.deepCopy().put("unexpected", "surplus") : body);
            check(operation, "another media type", request(token, examples).contentType(ContentType.TEXT).body("name=value"), false, null);
            check(operation, "a body too large", request(token, examples).contentType(ContentType.JSON)
                    .body("{\"padding\":\"" + "x".repeat(70 * 1024) + "\"}"), false, null);
        }
    }

    private void exchange(ApiOperation operation, String what, String token, Map<String, String> query, boolean fresh,
                          UnaryOperator<JsonNode> body) {
        RequestSpecification request = request(token, query);
        JsonNode sent = operation.bodyExample() == null ? null : body.apply(operation.bodyExample().deepCopy());
        check(operation, what, request, fresh, sent);
    }

    private void check(ApiOperation operation, String what, RequestSpecification request, boolean fresh, JsonNode body) {
        if (body != null) {
            if (body instanceof ObjectNode object && fresh) {
                service.makeRepeatable(operation, object);
            }
            request.contentType(ContentType.JSON).body(body.toString());
        }
        String path = operation.expand(service.pathValues(operation, fresh));
        proxy.check(operation.key() + " with " + what, request.when().request(operation.method(), path));
    }

    private RequestSpecification request(String token, Map<String, String> query) {
        RequestSpecification request = proxy.request();
        if (token != null) {
            request.auth().oauth2(token);
        }
        query.forEach(request::queryParam);
        return request;
    }
}
