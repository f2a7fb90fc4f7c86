package org.unhabitat.testing.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service's OpenAPI 3.1 document as the generator reads it: its write operations and their schemas. */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String title() {
        return document.path("info").path("title").asText("service");
    }

    /** Every POST, PUT and PATCH, in the document's order. */
    public List<ApiOperation> writeOperations() {
        return operations().stream().filter(ApiOperation::writes).toList();
    }

    /** Every operation, in the document's order. */
    public List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(method.getKey().toUpperCase(), path.getKey(), path.getValue(), method.getValue()));
                }
            }
        }
        return operations;
    }

    private ApiOperation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                JsonNode schema = resolve(resolved.path("schema"));
                JsonNode example = resolved.has("example") ? resolved.get("example")
                        : schema.path("examples").isArray() && !schema.path("examples").isEmpty() ? schema.path("examples").get(0) : null;
                parameters.add(new ApiOperation.Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolved.path("required").asBoolean(false), schema, example == null ? null : example.asText()));
            }
        }
        JsonNode body = resolve(operation.path("requestBody"));
        JsonNode json = body.path("content").path("application/json");
        JsonNode schema = json.isMissingNode() ? null : resolve(json.path("schema"));
        boolean secured = operation.path("security").isArray() && !operation.path("security").isEmpty();
        String otherBodyType = json.isMissingNode() && body.path("content").fieldNames().hasNext()
                ? body.path("content").fieldNames().next() : null;
        return new ApiOperation(method, path, List.copyOf(parameters), schema, example(json),
                body.path("required").asBoolean(false), secured, otherBodyType);
    }

    private static JsonNode example(JsonNode mediaType) {
        JsonNode examples = mediaType.path("examples");
        if (examples.isObject() && !examples.isEmpty()) {
            return parsedIfText(examples.elements().next().path("value"));
        }
        return mediaType.has("example") ? parsedIfText(mediaType.get("example")) : null;
    }

    private static JsonNode parsedIfText(JsonNode value) {
        if (value.isTextual() && value.asText().trim().startsWith("{")) {
            try {
                return JSON.readTree(value.asText());
            } catch (IOException notJson) {
                return value;
            }
        }
        return value.isMissingNode() ? null : value;
    }

    /**
     * The schema or object with its {@code $ref} followed; keywords beside the reference (an OpenAPI
     * 3.1 document may add examples or a description there) override the referenced ones.
     */
    public JsonNode resolve(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return node;
        }
        String reference = node.get("$ref").asText();
        if (!reference.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are supported: " + reference);
        }
        JsonNode target = resolve(document.at(reference.substring(1)));
        ObjectNode merged = target.deepCopy();
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }
}
