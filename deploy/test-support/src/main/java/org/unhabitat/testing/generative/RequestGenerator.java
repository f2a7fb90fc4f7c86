package org.unhabitat.testing.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unhabitat.testing.generative.GeneratedRequest.Caller;
import org.unhabitat.testing.generative.GeneratedRequest.Expected;
import org.unhabitat.testing.security.HostileInputs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Derives requests from an operation's schemas: valid ones (the document's example, without each
 * optional field, with each other value of an enum), then the example with one thing broken: each
 * field of every other JSON type, missing or null, with control characters, at and past its length
 * limits, in a format its schema does not allow, hostile text, an unknown field beside it, and the
 * body itself malformed or of another media type. Path and header parameters are broken the same way.
 */
final class RequestGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** NUL, an escape sequence, a C1 control, a line break and half a surrogate pair; a lone NUL besides. */
    private static final List<String> CONTROL_CHARACTERS = List.of("\u0000", "\u001b[31m", "\u0085", "\n", "\ud800");
    private static final int HOSTILE_SAMPLE = 2;

    private final OpenApiDocument document;
    private final Random random;
    private final boolean otherRoleExists;
    private final boolean sendValid;
    private final ApiOperation operation;
    private final List<GeneratedRequest> requests = new ArrayList<>();

    private RequestGenerator(OpenApiDocument document, Random random, ApiOperation operation, boolean otherRoleExists,
                             boolean sendValid) {
        this.document = document;
        this.random = random;
        this.operation = operation;
        this.otherRoleExists = otherRoleExists;
        this.sendValid = sendValid;
    }

    static List<GeneratedRequest> requests(OpenApiDocument document, Random random, ApiOperation operation,
                                           boolean otherRoleExists, boolean sendValid) {
        RequestGenerator generator = new RequestGenerator(document, random, operation, otherRoleExists, sendValid);
        generator.generate();
        return List.copyOf(generator.requests);
    }

    private void generate() {
        JsonNode example = operation.takesBody() ? validBody() : null;
        if (sendValid) {
            add("a valid request" + (example == null ? "" : ": the document's example"), Expected.ACCEPTED, null, example);
            if (example instanceof ObjectNode object) {
                validVariants(object);
            }
        }
        if (operation.secured()) {
            requests.add(new GeneratedRequest(operation, "without a token", Expected.UNAUTHENTICATED, null, Caller.NONE,
                    Map.of(), Map.of(), null, example, null));
            if (otherRoleExists) {
                requests.add(new GeneratedRequest(operation, "with a token of a role that may not", Expected.REFUSED, null,
                        Caller.ROLE_THAT_MAY_NOT, Map.of(), Map.of(), null, example, null));
            }
        }
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            parameterMutations(parameter, example);
        }
        if (example != null) {
            bodyMutations(example);
            fieldMutations(example, operation.bodySchema(), new ArrayList<>());
        }
    }

    // ---- valid requests

    private JsonNode validBody() {
        return operation.bodyExample() != null ? operation.bodyExample().deepCopy() : validValue(operation.bodySchema());
    }

    private JsonNode validValue(JsonNode schema) {
        JsonNode resolved = document.resolve(schema);
        if (resolved.path("examples").isArray() && !resolved.path("examples").isEmpty()) {
            return resolved.path("examples").get(0).deepCopy();
        }
        if (resolved.has("example")) {
            return resolved.get("example").deepCopy();
        }
        if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
            return resolved.path("enum").get(0).deepCopy();
        }
        return switch (type(resolved)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(), validValue(property.getValue())));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(validValue(resolved.path("items")));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (resolved.path("format").asText()) {
                case "date" -> NODES.textNode("2021-09-15");
                case "date-time" -> NODES.textNode("2021-09-15T10:00:00Z");
                default -> NODES.textNode("x");
            };
        };
    }

    private void validVariants(ObjectNode example) {
        JsonNode schema = document.resolve(operation.bodySchema());
        List<String> required = texts(schema.path("required"));
        example.fieldNames().forEachRemaining(name -> {
            if (!required.contains(name)) {
                ObjectNode without = example.deepCopy();
                without.remove(name);
                add("a valid request without the optional " + name, Expected.ACCEPTED, null, without);
            }
        });
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode values = document.resolve(property.getValue()).path("enum");
            for (JsonNode value : values) {
                if (example.has(property.getKey()) && !value.equals(example.get(property.getKey()))) {
                    ObjectNode other = example.deepCopy();
                    other.set(property.getKey(), value);
                    add(property.getKey() + " = " + value + ", another of its values", Expected.SAFE, null, other);
                }
            }
        });
    }

    // ---- the body as a whole

    private void bodyMutations(JsonNode example) {
        for (String malformed : List.of("", "{", "{\"a\":", "[]", "\"text\"", "0", "true", "null", example + "}")) {
            requests.add(new GeneratedRequest(operation, "the body " + (malformed.isEmpty() ? "empty" : shown(malformed)),
                    Expected.BAD_REQUEST, null, Caller.ALLOWED, Map.of(), Map.of(), "application/json", null, malformed));
        }
        requests.add(new GeneratedRequest(operation, "the example as text/plain", Expected.REFUSED, null, Caller.ALLOWED,
                Map.of(), Map.of(), "text/plain", null, example.toString()));
    }

    // ---- each field of the body

    private void fieldMutations(JsonNode value, JsonNode schema, List<Object> at) {
        JsonNode resolved = document.resolve(schema);
        if (value instanceof ObjectNode object) {
            List<String> required = texts(resolved.path("required"));
            unknownFields(object, at);
            Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                List<Object> child = append(at, property.getKey());
                boolean isRequired = required.contains(property.getKey());
                JsonNode current = object.get(property.getKey());
                if (isRequired) {
                    mutated("missing " + path(child), Expected.BAD_REQUEST, path(child), child, null);
                }
                if (current != null) {
                    valueMutations(current, document.resolve(property.getValue()), child, isRequired);
                    fieldMutations(current, property.getValue(), child);
                }
            }
        } else if (value instanceof ArrayNode array && !array.isEmpty()) {
            JsonNode items = resolved.path("items");
            List<Object> first = append(at, 0);
            valueMutations(array.get(0), document.resolve(items), first, true);
            fieldMutations(array.get(0), items, first);
        }
    }

    private void unknownFields(ObjectNode object, List<Object> at) {
        ObjectNode extra = object.deepCopy();
        extra.put("unexpected", "surplus");
        setAt(at, extra, "an unknown field " + path(append(at, "unexpected")), path(append(at, "unexpected")));
        Iterator<String> names = object.fieldNames();
        if (names.hasNext()) {
            String name = names.next();
            String variant = name.toUpperCase(Locale.ROOT).equals(name) ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
            ObjectNode twin = object.deepCopy();
            twin.set(variant, object.get(name));
            setAt(at, twin, "an unknown field " + path(append(at, variant)) + " that differs from " + name + " only in case",
                    path(append(at, variant)));
        }
    }

    private void setAt(List<Object> at, ObjectNode replacement, String description, String field) {
        mutated(description, Expected.BAD_REQUEST, field, at, replacement);
    }

    private void valueMutations(JsonNode current, JsonNode schema, List<Object> at, boolean required) {
        String field = path(at);
        String type = type(schema);
        boolean nullable = types(schema).contains("null");
        if (!nullable) {
            mutated(field + " = null", required ? Expected.BAD_REQUEST : Expected.SAFE, field, at, NODES.nullNode());
        }
        for (Map.Entry<String, JsonNode> wrong : wrongTypes(type, current, schema).entrySet()) {
            mutated(field + " = " + shown(wrong.getValue()) + " (" + wrong.getKey() + " where the document says " + type + ")",
                    Expected.BAD_REQUEST, field, at, wrong.getValue());
        }
        switch (type) {
            case "string" -> textMutations(current.asText(), schema, at);
            case "integer" -> {
                mutated(field + " = 99999999999 (past a 32-bit whole number)", Expected.BAD_REQUEST, field, at, NODES.numberNode(99_999_999_999L));
                for (long edge : new long[]{0, -1, Integer.MAX_VALUE}) {
                    mutated(field + " = " + edge, Expected.SAFE, field, at, NODES.numberNode(edge));
                }
            }
            case "array" -> {
                if (schema.has("maxItems") && !current.isEmpty()) {
                    ArrayNode over = NODES.arrayNode();
                    for (int index = 0; index <= schema.get("maxItems").asInt(); index++) {
                        over.add(current.get(0).deepCopy());
                    }
                    mutated(field + " with " + over.size() + " items, past maxItems", Expected.BAD_REQUEST, field, at, over);
                }
                mutated(field + " = []", Expected.SAFE, field, at, NODES.arrayNode());
            }
            default -> {
            }
        }
    }

    /** Values of each JSON type other than the schema's; for text, also the numbers a lax reader would take for it. */
    private Map<String, JsonNode> wrongTypes(String type, JsonNode current, JsonNode schema) {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        if (!type.equals("string")) {
            wrong.put("a string", NODES.textNode(current.isValueNode() ? current.asText() : "text"));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            wrong.put("the number 0", NODES.numberNode(0));
            wrong.put("the number -1", NODES.numberNode(-1));
            wrong.put("a fractional number", NODES.numberNode(new BigDecimal("1.5")));
            if (type.equals("string")) {
                numericReading(current.asText(), schema).ifPresent(number -> wrong.put("a number", number));
            }
        }
        if (type.equals("integer")) {
            wrong.put("a fractional number", NODES.numberNode(new BigDecimal(current.asText() + ".5")));
            wrong.put("a number with a fraction of zero", NODES.numberNode(new BigDecimal(current.asText() + ".0")));
        }
        if (!type.equals("boolean")) {
            wrong.put("a boolean", NODES.booleanNode(true));
        }
        if (!type.equals("object")) {
            wrong.put("an object", NODES.objectNode());
        }
        if (!type.equals("array")) {
            wrong.put("an array", NODES.arrayNode());
            wrong.put("an array of the valid value", NODES.arrayNode().add(current.deepCopy()));
        }
        return wrong;
    }

    /** The number a lenient reader would turn into this text: an enum's ordinal, a date's epoch day, a decimal's value. */
    private static Optional<JsonNode> numericReading(String text, JsonNode schema) {
        List<String> values = texts(schema.path("enum"));
        if (!values.isEmpty()) {
            return Optional.of(NODES.numberNode(Math.max(0, values.indexOf(text))));
        }
        if (schema.path("format").asText().equals("date")) {
            try {
                return Optional.of(NODES.numberNode(LocalDate.parse(text).toEpochDay()));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return DECIMAL.matcher(text).matches() ? Optional.of(NODES.numberNode(new BigDecimal(text)))
                : Optional.empty();
    }

    private void textMutations(String current, JsonNode schema, List<Object> at) {
        String field = path(at);
        List<String> values = texts(schema.path("enum"));
        boolean date = schema.path("format").asText().equals("date");
        boolean decimal = values.isEmpty() && !date && DECIMAL.matcher(current).matches();
        boolean constrained = !values.isEmpty() || date || decimal;
        for (String control : CONTROL_CHARACTERS) {
            mutated(field + " with control character " + shown(NODES.textNode(control)), Expected.BAD_REQUEST, field, at,
                    NODES.textNode(control.equals("\u0000") ? current + control : control + current));
        }
        mutated(field + " = a lone NUL", Expected.BAD_REQUEST, field, at, NODES.textNode("\u0000"));
        for (String blank : List.of("", " ")) {
            boolean refused = constrained || schema.path("minLength").asInt(0) > blank.length()
                    || (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(blank).find());
            mutated(field + " = " + shown(NODES.textNode(blank)), refused ? Expected.BAD_REQUEST : Expected.SAFE, field, at,
                    NODES.textNode(blank));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            mutated(field + " of exactly maxLength " + max, constrained ? Expected.BAD_REQUEST : Expected.SAFE, field, at,
                    NODES.textNode("x".repeat(max)));
            mutated(field + " past maxLength " + max, Expected.BAD_REQUEST, field, at, NODES.textNode("x".repeat(max + 1)));
        } else {
            mutated(field + " of 4000 characters", Expected.SAFE, field, at, NODES.textNode("x".repeat(4000)));
        }
        Expected variant = constrained ? Expected.BAD_REQUEST : Expected.SAFE;
        mutated(field + " padded with spaces", variant, field, at, NODES.textNode(" " + current + " "));
        mutated(field + " with an emoji", variant, field, at, NODES.textNode(current + "\uD83D\uDCA5"));
        List<String> hostile = new ArrayList<>(HostileInputs.VALUES);
        for (int pick = 0; pick < HOSTILE_SAMPLE; pick++) {
            String value = hostile.remove(random.nextInt(hostile.size()));
            mutated(field + " = " + shown(NODES.textNode(value)), Expected.SAFE, field, at, NODES.textNode(value));
        }
        if (!values.isEmpty()) {
            mutated(field + " in lower case", Expected.BAD_REQUEST, field, at, NODES.textNode(current.toLowerCase(Locale.ROOT)));
            mutated(field + " = \"NOT_A_CODE\"", Expected.BAD_REQUEST, field, at, NODES.textNode("NOT_A_CODE"));
            mutated(field + " = its ordinal as text", Expected.BAD_REQUEST, field, at, NODES.textNode(String.valueOf(values.indexOf(current))));
        }
        if (date) {
            for (String wrong : List.of(current + "T10:00:00Z", current + "T23:59:59", "2021-02-30", sample(current + "T00:00:00+02:00",
                    "2021-9-15", "15/09/2021", "+1" + current, "20210915"))) {
                mutated(field + " = " + shown(NODES.textNode(wrong)) + ", not a date as YYYY-MM-DD", Expected.BAD_REQUEST, field, at,
                        NODES.textNode(wrong));
            }
        }
        if (decimal) {
            for (String wrong : List.of(current + "e0", "+" + current, "1,000.00", sample(current + " ", "0x10", "NaN", "Infinity", ".5", "5."))) {
                mutated(field + " = " + shown(NODES.textNode(wrong)) + ", not a plain decimal", Expected.BAD_REQUEST, field, at,
                        NODES.textNode(wrong));
            }
            for (String edge : List.of("0", "-1", current + ".001", "9".repeat(40))) {
                mutated(field + " = " + shown(NODES.textNode(edge)), Expected.SAFE, field, at, NODES.textNode(edge));
            }
        }
    }

    // ---- parameters

    private void parameterMutations(ApiOperation.Parameter parameter, JsonNode example) {
        String name = parameter.name();
        JsonNode schema = document.resolve(parameter.schema());
        String type = type(schema);
        List<String> values = texts(schema.path("enum"));
        if (parameter.in().equals("header")) {
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                header(name + " past maxLength " + max, Expected.BAD_REQUEST, name, "k".repeat(max + 1), example);
                header(name + " of exactly maxLength " + max, Expected.SAFE, name, "k".repeat(max), example);
            }
            return;
        }
        if (!parameter.in().equals("path")) {
            return;
        }
        if (type.equals("integer")) {
            for (String wrong : List.of("x", "1.5", "99999999999", "-")) {
                path(name + " = " + shown(NODES.textNode(wrong)), Expected.REFUSED, name, wrong, example);
            }
        }
        if (!values.isEmpty()) {
            path(name + " = NOT_A_CODE", Expected.REFUSED, name, "NOT_A_CODE", example);
            path(name + " = its first value in lower case", Expected.REFUSED, name, values.get(0).toLowerCase(Locale.ROOT), example);
            path(name + " = its ordinal", Expected.REFUSED, name, "0", example);
        }
        for (String control : List.of("\u0000", "\n", "\u001b")) {
            path(name + " with control character " + shown(NODES.textNode(control)), Expected.REFUSED, name, "A" + control, example);
        }
        path(name + " of 300 characters", Expected.SAFE, name, "X".repeat(300), example);
        List<String> hostile = new ArrayList<>(HostileInputs.VALUES);
        for (int pick = 0; pick < HOSTILE_SAMPLE; pick++) {
            String value = hostile.remove(random.nextInt(hostile.size()));
            path(name + " = " + shown(NODES.textNode(value)), Expected.SAFE, name, value, example);
        }
    }

    private String sample(String... values) {
        return values[random.nextInt(values.length)];
    }

    private void path(String description, Expected expected, String name, String value, JsonNode body) {
        requests.add(new GeneratedRequest(operation, description, expected, null, Caller.ALLOWED, Map.of(name, value), Map.of(),
                null, body, null));
    }

    private void header(String description, Expected expected, String name, String value, JsonNode body) {
        requests.add(new GeneratedRequest(operation, description, expected, null, Caller.ALLOWED, Map.of(), Map.of(name, value),
                null, body, null));
    }

    // ---- building requests

    private void add(String description, Expected expected, String field, JsonNode body) {
        requests.add(new GeneratedRequest(operation, description, expected, field, Caller.ALLOWED, Map.of(), Map.of(), null, body, null));
    }

    /** The example with the value at {@code at} replaced (or removed, when {@code value} is null). */
    private void mutated(String description, Expected expected, String field, List<Object> at, JsonNode value) {
        JsonNode body = validBody();
        if (at.isEmpty()) {
            add(description, expected, field, value);
            return;
        }
        JsonNode parent = body;
        for (Object segment : at.subList(0, at.size() - 1)) {
            parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
        }
        Object last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, value);
            }
        }
        add(description, expected, expected == Expected.BAD_REQUEST ? field : null, body);
    }

    // ---- schema helpers

    private static String type(JsonNode schema) {
        return types(schema).stream().filter(type -> !type.equals("null")).findFirst()
                .orElse(schema.has("properties") ? "object" : schema.has("items") ? "array" : "string");
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? texts(type) : type.isTextual() ? List.of(type.asText()) : List.of();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<Object> append(List<Object> at, Object segment) {
        List<Object> path = new ArrayList<>(at);
        path.add(segment);
        return path;
    }

    /** schedule[0].amount */
    static String path(List<Object> at) {
        StringBuilder path = new StringBuilder();
        for (Object segment : at) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }

    static String shown(JsonNode value) {
        return shown(GenerativeHostileSuite.json(value));
    }

    static String shown(String text) {
        String printable = text.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))).reduce("", String::concat);
        return printable.length() > 48 ? printable.substring(0, 45) + "..." : printable;
    }
}
