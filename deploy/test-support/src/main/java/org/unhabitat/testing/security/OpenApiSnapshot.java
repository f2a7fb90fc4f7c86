package org.unhabitat.testing.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed inventory of a service's API (OWASP API9) and the contract partners generate
 * clients from. The running service's document must equal the snapshot as a whole: paths,
 * operations, responses, schemas (a removed or retyped field fails), descriptions and examples.
 *
 * <p>Refresh after an intended change: {@code ./mvnw -B verify -pl <service> -Dopenapi.update=true}
 * rewrites the snapshot, which is then reviewed and committed like code.
 */
public final class OpenApiSnapshot {

    public static final String UPDATE_PROPERTY = "openapi.update";
    public static final Path DEFAULT_FILE = Path.of("src", "test", "resources", "openapi", "openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_REPORTED = 20;
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    public static void assertMatches(String liveDocument, Path snapshotFile) {
        try {
            JsonNode live = JSON.readTree(liveDocument);
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(snapshotFile.getParent());
                Files.writeString(snapshotFile, JSON.writeValueAsString(live) + "\n");
                return;
            }
            assertTrue(Files.exists(snapshotFile), "No OpenAPI snapshot at " + snapshotFile.toAbsolutePath()
                    + "; create it with -D" + UPDATE_PROPERTY + "=true and commit it");
            JsonNode committed = JSON.readTree(snapshotFile.toFile());
            String advice = ". If the change is intended, refresh the snapshot with -D" + UPDATE_PROPERTY + "=true and commit it.";
            assertEquals(String.join("\n", inventory(committed)), String.join("\n", inventory(live)),
                    "The API's operations differ from its committed inventory " + snapshotFile + advice);
            List<String> differences = new ArrayList<>();
            differences("", committed, live, differences);
            assertTrue(differences.isEmpty(), "The API document differs from " + snapshotFile + " at "
                    + differences.subList(0, Math.min(MAX_REPORTED, differences.size())) + advice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per operation: "GET /api/v1/x -> 200 400 404", sorted. */
    static SortedSet<String> inventory(JsonNode document) {
        SortedSet<String> lines = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                SortedSet<String> responses = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(responses::add);
                lines.add(operation.getKey().toUpperCase() + " " + path.getKey() + " -> " + String.join(" ", responses));
            }
        }
        return lines;
    }

    /** JSON pointers where the two documents differ; member order does not count, array order does. */
    static void differences(String pointer, JsonNode committed, JsonNode live, List<String> found) {
        if (committed.isObject() && live.isObject()) {
            SortedSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            live.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name) || !live.has(name)) {
                    found.add(child + (committed.has(name) ? " (removed)" : " (added)"));
                } else {
                    differences(child, committed.get(name), live.get(name), found);
                }
            }
        } else if (committed.isArray() && live.isArray() && committed.size() == live.size()) {
            for (int index = 0; index < committed.size(); index++) {
                differences(pointer + "/" + index, committed.get(index), live.get(index), found);
            }
        } else if (!committed.equals(live)) {
            found.add(pointer + " (" + committed + " became " + live + ")");
        }
    }

    private OpenApiSnapshot() {
    }
}
