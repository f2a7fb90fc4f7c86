package org.unhabitat.testing.contract;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The npm tools that check the OpenAPI documents (deploy/openapi-tools: Redocly CLI and Stoplight
 * Prism, at the versions its package-lock.json pins). They are installed with {@code npm ci} the
 * first time a test needs them. Without npm a local run skips those tests, saying so loudly; CI
 * (which sets {@value #REQUIRED_VARIABLE}, as .ci/run does) fails instead.
 */
public final class OpenApiTools {

    public static final String REQUIRED_VARIABLE = "OPENAPI_TOOLS_REQUIRED";
    private static final Path TOOLS = Path.of("deploy", "openapi-tools");
    /** Telemetry and update notices off: CI output stays about the documents. */
    static final Map<String, String> QUIET = Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
            "SCARF_ANALYTICS", "false", "DO_NOT_TRACK", "1", "NO_COLOR", "1");

    private static Path installed;

    /** deploy/openapi-tools with its node_modules installed; aborts (skips) the test when npm is missing outside CI. */
    public static synchronized Path directory() {
        if (installed != null) {
            return installed;
        }
        Path directory = locate();
        if (!onPath("node")) {
            unavailable("Node.js is not installed");
        }
        if (!Files.isExecutable(bin(directory, "redocly")) || !Files.isExecutable(bin(directory, "prism"))) {
            if (!onPath("npm")) {
                unavailable("npm is not installed");
            }
            Result install = run(directory, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 600);
            if (install.exitCode() != 0) {
                fail("npm ci in " + directory + " failed:\n" + install.output());
            }
        }
        installed = directory;
        return directory;
    }

    static Path bin(Path directory, String tool) {
        return directory.resolve("node_modules").resolve(".bin").resolve(tool);
    }

    /** The module's tests run in its own directory; the tools are at the repository's root. */
    private static Path locate() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(TOOLS).resolve("package.json"))) {
                return at.resolve(TOOLS);
            }
        }
        throw new IllegalStateException("No " + TOOLS + "/package.json above " + Path.of("").toAbsolutePath());
    }

    private static void unavailable(String why) {
        String message = "OpenAPI tools unavailable (" + why + "): the linter and the response validation are SKIPPED. "
                + "Install Node.js 20.19+ with npm to run them; CI must.";
        if (System.getenv(REQUIRED_VARIABLE) != null) {
            fail(message.replace("are SKIPPED", "cannot run, and " + REQUIRED_VARIABLE + " says they must"));
        }
        System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path directory, List<String> command, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("openapi-tools", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(QUIET);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private OpenApiTools() {
    }
}
