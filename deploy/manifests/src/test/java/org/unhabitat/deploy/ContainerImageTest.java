package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.devkit.FreePorts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Builds each service's image with the Quarkus Jib extension exactly as production does, except for
 * two overrides CI needs: the base is {@code scratch}, because the UBI OpenJDK base cannot be pulled
 * here, and the "docker" Jib hands the image to is a script that writes {@code docker load}'s input to
 * a file. In Quarkus 3.33 Jib's only targets are a registry (push) and a Docker daemon, so this is
 * how an image becomes a tarball without either. The test then reads the tarball like a runtime would
 * and starts the application from the extracted layers with the host's Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKING_DIRECTORY = "home/jboss";

    private Path work;
    private final Map<String, Path> tarballs = new HashMap<>();
    private EmbeddedPostgres postgres;

    @BeforeAll
    void buildImages(@TempDir Path directory) throws Exception {
        work = directory;
        Path images = Files.createDirectories(work.resolve("images"));
        Path docker = work.resolve("docker");
        Files.writeString(docker, """
                #!/bin/sh
                # Jib asks the daemon for its platform, then streams the image to 'docker load'.
                case "$1" in
                  info) echo '{"OSType":"linux","Architecture":"x86_64"}' ;;
                  load) cat > "$IMAGE_DIR/image-$$.tar" && echo "Loaded image" ;;
                  *) echo "not a daemon: $*" >&2; exit 1 ;;
                esac
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-q", "-o",
                "-f", Suite.ROOT.resolve("pom.xml").toString(),
                // The modules the services depend on (the platform among them) are packaged in the same reactor.
                "-pl", String.join(",", ServiceConfig.SERVICES), "-am",
                "package", "-Dmaven.test.skip=true",
                "-Dquarkus.container-image.build=true",
                // A scratch base has no JDK to make a class data archive with, and there is no Docker engine here.
                "-Dquarkus.package.jar.appcds.enabled=false",
                "-Dquarkus.jib.base-jvm-image=scratch",
                "-Dquarkus.jib.docker-executable-name=" + docker,
                "-Dquarkus.jib.docker-environment.IMAGE_DIR=" + images));
        if (System.getProperty("maven.repo.local") != null) {
            command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        }
        Path log = work.resolve("build.log");
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            fail("the image build failed:\n" + tail(log));
        }
        try (Stream<Path> files = Files.list(images)) {
            for (Path tarball : files.toList()) {
                String tag = manifest(tarball).path("RepoTags").path(0).asText();
                tarballs.put(tag.substring(tag.indexOf('/') + 1, tag.indexOf(':')), tarball);
            }
        }
        assertEquals(ServiceConfig.SERVICES.size(), tarballs.size(), "one image per service: " + tarballs);

        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String service : ServiceConfig.SERVICES) {
                statement.execute("CREATE DATABASE " + database(service));
            }
        }
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "the {0} image runs the Quarkus app as user 185 on its port, with its labels")
    @ValueSource(strings = {"contributions-service", "targets-service", "reporting-service"})
    void imageConfiguration(String service) throws IOException {
        JsonNode config = config(tarballs.get(service));
        int port = ServiceConfig.of(Suite.ROOT, service).httpPort();
        assertEquals("185", config.path("User").asText());
        assertEquals("/" + WORKING_DIRECTORY, config.path("WorkingDir").asText());
        assertTrue(config.path("ExposedPorts").has(port + "/tcp"), config.path("ExposedPorts").toString());
        assertEquals(List.of("java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "quarkus-run.jar"),
                JSON.convertValue(config.path("Entrypoint"), List.class));
        assertEquals(service, config.path("Labels").path("org.opencontainers.image.title").asText());
    }

    @ParameterizedTest(name = "the {0} image holds the whole packaged application and it starts from there")
    @ValueSource(strings = {"contributions-service", "targets-service", "reporting-service"})
    void imageHoldsARunnableApplication(String service) throws Exception {
        Path root = Files.createDirectories(work.resolve("rootfs-" + service));
        long compressed = extractLayers(tarballs.get(service), root);
        Path app = root.resolve(WORKING_DIRECTORY);

        Path packaged = Suite.ROOT.resolve(service).resolve("target/quarkus-app");
        Map<String, Long> expected = files(packaged);
        expected.remove("quarkus-app-dependencies.txt");
        assertEquals(expected, files(app), "the image's application differs from the packaged one");
        System.out.printf("%s image: %d files, %d MB uncompressed, %d MB of compressed application layers%n", service,
                expected.size(), expected.values().stream().mapToLong(Long::longValue).sum() >> 20, compressed >> 20);

        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Path key = work.resolve("jwt-public.pem");
        if (!Files.exists(key)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        }
        String prefix = service.replace("-service", "").toUpperCase();
        // The image's own entrypoint, with the host's java and the heap the Deployments give it.
        List<String> command = new ArrayList<>(JSON.convertValue(config(tarballs.get(service)).path("Entrypoint"), List.class));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(1, List.of("-Xmx128m", "-XX:+UseSerialGC"));
        ProcessBuilder java = new ProcessBuilder(command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(service + ".log").toFile());
        java.environment().putAll(Map.of(
                prefix + "_DB_URL", postgres.getJdbcUrl("postgres", database(service)),
                prefix + "_DB_USER", "postgres",
                prefix + "_DB_PASSWORD", "unused-by-trust-authentication",
                "JWT_ISSUER", "https://issuer.image-test",
                "JWT_PUBLIC_KEY_LOCATION", key.toUri().toString(),
                // Nothing listens there: the services start without a broker and report it in readiness.
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort)));
        Process process = java.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            HttpResponse<String> live = null;
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/live")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (live.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYetListening) {
                    live = null;
                }
                Thread.sleep(250);
            }
            if (live == null || live.statusCode() != 200) {
                fail(service + " did not become live from the image's files:\n" + tail(work.resolve(service + ".log")));
            }
            JsonNode ready = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            boolean databaseUp = false;
            for (JsonNode check : ready.path("checks")) {
                databaseUp |= check.path("name").asText().contains("Database") && check.path("status").asText().equals("UP");
            }
            assertTrue(databaseUp, "its migrated database is reported up: " + ready);
            idleMemoryFitsTheDeployment(service, process.pid());
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The Deployment's memory limit was sized from idle figures; the image's app must still fit, with room to work. */
    private static void idleMemoryFitsTheDeployment(String service, long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return;
        }
        long rss = Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
        JsonNode limit = Kustomize.render(Suite.ROOT.resolve("deploy/k8s/base")).stream()
                .filter(o -> o.path("kind").asText().equals("Deployment") && o.path("metadata").path("name").asText().equals(service))
                .findFirst().orElseThrow()
                .path("spec").path("template").path("spec").path("containers").path(0).path("resources").path("limits").path("memory");
        long bytes = Quantity.getAmountInBytes(new Quantity(limit.asText())).longValue();
        System.out.printf("%s started from its image: %d MB resident, limit %s%n", service, rss >> 20, limit.asText());
        assertTrue(rss < bytes * 3 / 4, service + " idles at " + (rss >> 20) + " MB, too close to its " + limit.asText() + " limit");
    }

    private static String database(String service) {
        return service.replace("-service", "");
    }

    private static JsonNode manifest(Path tarball) throws IOException {
        return JSON.readTree(entry(tarball, "manifest.json")).path(0);
    }

    private static JsonNode config(Path tarball) throws IOException {
        return JSON.readTree(entry(tarball, manifest(tarball).path("Config").asText())).path("config");
    }

    private static byte[] entry(Path tarball, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new IOException(tarball + " has no " + name);
    }

    /** Unpacks the layers in manifest order, as a runtime stacks them; returns their compressed size. */
    private static long extractLayers(Path tarball, Path root) throws IOException {
        long compressed = 0;
        for (JsonNode layer : manifest(tarball).path("Layers")) {
            byte[] blob = entry(tarball, layer.asText());
            compressed += blob.length;
            try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(blob));
                 TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("a layer writes outside the root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return compressed;
    }

    private static Map<String, Long> files(Path directory) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                sizes.put(directory.relativize(file).toString(), Files.size(file));
            }
        }
        return sizes;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
