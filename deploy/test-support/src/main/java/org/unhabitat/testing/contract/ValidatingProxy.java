package org.unhabitat.testing.contract;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.unhabitat.devkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Stoplight Prism in proxy mode in front of the service under test: every response that passes
 * through it is validated against the document (status declared, media type, body schema, headers).
 * It runs with {@code --errors}, so a response that breaks the document comes back as Prism's own
 * problem, and without request validation, so that the service's own answers to bad requests are
 * what gets validated. A warning (such as an undeclared error status) travels in the
 * {@code sl-violations} header; either counts as a violation here.
 */
public final class ValidatingProxy implements AutoCloseable {

    private static final String PRISM_ERRORS = "https://stoplight.io/prism/errors#";

    private final Process process;
    private final Path directory;
    private final Path log;
    private final int port;
    private final List<String> violations = new ArrayList<>();
    private int validated;

    private ValidatingProxy(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.log = directory.resolve("prism.log");
        this.port = port;
    }

    /** Starts Prism for the document (JSON text) in front of the service listening on {@code upstreamPort}. */
    public static ValidatingProxy start(String document, int upstreamPort) {
        Path tools = OpenApiTools.directory();
        try {
            Path directory = Files.createTempDirectory("prism");
            Path file = directory.resolve("openapi.json");
            Files.writeString(file, document);
            Path log = directory.resolve("prism.log");
            int port = FreePorts.next();
            ProcessBuilder builder = new ProcessBuilder(OpenApiTools.bin(tools, "prism").toString(), "proxy", file.toString(),
                    "http://127.0.0.1:" + upstreamPort, "--errors", "--validate-request=false", "--host", "127.0.0.1",
                    "--port", String.valueOf(port))
                    .directory(tools.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(OpenApiTools.QUIET);
            ValidatingProxy proxy = new ValidatingProxy(builder.start(), directory, port);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to send through the proxy. */
    public RequestSpecification request() {
        return given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(false);
    }

    /** Records whether the response, which came through the proxy, keeps to the document. */
    public Response check(String what, Response response) {
        validated++;
        String header = response.header("sl-violations");
        String type = response.contentType() != null && response.contentType().contains("json") ? jsonType(response) : "";
        if (type.startsWith(PRISM_ERRORS) || header != null) {
            violations.add(what + " -> " + response.statusCode() + ": " + (header != null ? header : response.asString()));
        }
        return response;
    }

    public int validated() {
        return validated;
    }

    /** Fails with every violation recorded, if any. */
    public void assertNoViolations() {
        System.out.printf("Validating proxy: %d responses checked against the document, %d violations%n", validated, violations.size());
        if (!violations.isEmpty()) {
            fail(violations.size() + " of " + validated + " responses break the document:\n" + String.join("\n", violations));
        }
    }

    private static String jsonType(Response response) {
        try {
            Object type = response.jsonPath().get("type");
            return type instanceof String text ? text : "";
        } catch (RuntimeException notAnObject) {
            return "";
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Prism exited with " + process.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        fail("Prism did not listen within 90 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }



    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException leftBehind) {
            // A temporary directory; nothing depends on its removal.
        }
    }
}
