package org.unhabitat.testing.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed inventory of a service's API (OWASP API9). The running service's document is
 * compared with the snapshot on what matters for the inventory: every path and method and the
 * responses each declares. Descriptions and examples may change freely.
 *
 * <p>Refresh after an intended change: {@code ./mvnw -B verify -pl <service> -Dopenapi.update=true}
 * rewrites the snapshot, which is then reviewed and committed like code.
 */
public final class OpenApiSnapshot {

    public static final String UPDATE_PROPERTY = "openapi.update";
    public static final Path DEFAULT_FILE = Path.of("src", "test", "resources", "openapi", "openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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
            assertEquals(String.join("\n", inventory(committed)), String.join("\n", inventory(live)),
                    "The API differs from its committed inventory " + snapshotFile + ". If the change is intended, "
                            + "refresh the snapshot with -D" + UPDATE_PROPERTY + "=true and commit it.");
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

    private OpenApiSnapshot() {
    }
}
