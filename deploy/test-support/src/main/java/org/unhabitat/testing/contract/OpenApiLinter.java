package org.unhabitat.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redocly's linter with its recommended rules (deploy/openapi-tools/redocly.yaml): no error and no warning. */
public final class OpenApiLinter {

    /** A problem line of the stylish report ("  291:3  warning  info-license  ..."), or its summary of warnings. */
    private static final Pattern PROBLEM = Pattern.compile("\\d+:\\d+\\s+(error|warning)\\s|You have \\d+ warning");

    /** Lints the document (JSON text); the failure message carries the linter's report. */
    public static void assertClean(String document) {
        Path tools = OpenApiTools.directory();
        try {
            Path file = Files.createTempDirectory("openapi-lint").resolve("openapi.json");
            Files.writeString(file, document);
            OpenApiTools.Result lint = OpenApiTools.run(tools, List.of(OpenApiTools.bin(tools, "redocly").toString(), "lint",
                    file.toString(), "--config", tools.resolve("redocly.yaml").toString(), "--format", "stylish"), 300);
            Files.delete(file);
            Files.delete(file.getParent());
            System.out.println("Redocly lint:\n" + lint.output());
            assertEquals(0, lint.exitCode(), "the linter found errors:\n" + lint.output());
            assertTrue(lint.output().contains("Woohoo! Your API description is valid.") && !PROBLEM.matcher(lint.output()).find(),
                    "the linter found problems (warnings count):\n" + lint.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenApiLinter() {
    }
}
