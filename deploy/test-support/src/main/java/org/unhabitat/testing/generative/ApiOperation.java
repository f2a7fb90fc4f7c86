package org.unhabitat.testing.generative;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operation of a service's OpenAPI document, with what its requests hold.
 *
 * @param bodySchema  the JSON schema of its application/json body, or null when it takes none
 * @param bodyExample the document's example of that body, or null
 * @param secured     whether it names a security scheme (public operations say {@code security: []})
 * @param otherBodyType the media type of a body that is not JSON (a CSV file), or null: requests without a body
 *                      of their own are sent with it, so that they reach the check they are about
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                             JsonNode bodyExample, boolean bodyRequired, boolean secured, String otherBodyType) {

    /** A path, query or header parameter, with the document's example of its value (or null). */
    public record Parameter(String name, String in, boolean required, JsonNode schema, String example) {
    }

    /** "POST /api/v1/pledges" */
    public String key() {
        return method + " " + path;
    }

    /** POST, PUT or PATCH. */
    public boolean writes() {
        return Set.of("POST", "PUT", "PATCH").contains(method);
    }

    /** The path with each parameter's value filled in, percent-encoded; a parameter without a value gets "0". */
    public String expand(Map<String, String> values) {
        String expanded = path;
        for (Parameter parameter : parameters) {
            if (parameter.in().equals("path")) {
                String value = values.getOrDefault(parameter.name(), "0");
                expanded = expanded.replace("{" + parameter.name() + "}",
                        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return expanded;
    }

    public boolean takesBody() {
        return bodySchema != null;
    }
}
