package org.unhabitat.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.unhabitat.devkit.DevTokens;
import org.unhabitat.devkit.FreePorts;
import org.unhabitat.devkit.LocalPostgres;
import org.unhabitat.testing.EmbeddedKafka;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The three services as the packaged jars that production runs, each its own process with its own
 * database, sharing nothing but a real Kafka broker, and configured only through the environment.
 * Several instances of a service share its database and its consumer groups, as behind a load
 * balancer.
 */
public final class SuiteUnderTest implements AutoCloseable {

    public static final String ISSUER = "https://issuer.e2e.rm-suite";
    public static final String AUDIENCE = "resource-mobilization-suite";

    private final Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
    private final Path workDirectory;
    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;
    private final DevTokens tokens;
    private final Map<String, List<Integer>> ports = new LinkedHashMap<>();
    private final Map<String, List<Integer>> managementPorts = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    public SuiteUnderTest() throws Exception {
        this(1);
    }

    public SuiteUnderTest(int instancesPerService) throws Exception {
        workDirectory = Files.createTempDirectory("rm-suite-e2e");
        postgres = EmbeddedPostgres.builder().start();
        LocalPostgres.createMissingDatabases(postgres, List.of("contributions", "targets", "reporting"));
        kafka = EmbeddedKafka.start();
        DevTokens.writeKeyPair(DevTokens.generateKeyPair(), workDirectory);
        tokens = DevTokens.fromKeyDirectory(workDirectory, ISSUER, AUDIENCE);
        for (String service : List.of("contributions", "targets", "reporting")) {
            List<Integer> servicePorts = new ArrayList<>();
            List<Integer> serviceManagementPorts = new ArrayList<>();
            for (int instance = 0; instance < instancesPerService; instance++) {
                int port = FreePorts.next();
                int managementPort = FreePorts.next();
                servicePorts.add(port);
                serviceManagementPorts.add(managementPort);
                processes.add(start(service, port, managementPort));
            }
            ports.put(service, servicePorts);
            managementPorts.put(service, serviceManagementPorts);
        }
        try {
            for (String service : ports.keySet()) {
                for (int instance = 0; instance < instancesPerService; instance++) {
                    awaitReady(service, ports.get(service).get(instance), managementPorts.get(service).get(instance), Duration.ofSeconds(120));
                }
            }
        } catch (Exception notReady) {
            // Nobody holds this half-started suite to close it later: stop what it started, or the processes outlive the run.
            close();
            throw notReady;
        }
    }

    /** The first instance of the service. */
    public String url(String service) {
        return urls(service).get(0);
    }

    public List<String> urls(String service) {
        return ports.get(service).stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    public DataSource database(String service) {
        return postgres.getDatabase("postgres", service);
    }

    public DevTokens tokens() {
        return tokens;
    }

    private Process start(String service, int port, int managementPort) throws IOException {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not packaged yet: " + jar);
        }
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar.toString());
        String prefix = service.toUpperCase();
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put(prefix + "_DB_URL", postgres.getJdbcUrl("postgres", service));
        environment.put(prefix + "_DB_USER", "postgres");
        environment.put(prefix + "_DB_PASSWORD", "postgres");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("JWT_ISSUER", ISSUER);
        environment.put("JWT_AUDIENCE", AUDIENCE);
        environment.put("JWT_PUBLIC_KEY_LOCATION", workDirectory.resolve(DevTokens.PUBLIC_KEY_FILE).toUri().toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(workDirectory.resolve(service + "-" + port + ".log").toFile());
        return builder.start();
    }

    private void awaitReady(String service, int port, int managementPort, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (status("http://127.0.0.1:" + managementPort + "/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + "-service on port " + port + " was not ready within " + timeout + "; its log:\n"
                + Files.readString(workDirectory.resolve(service + "-" + port + ".log")));
    }

    private static int status(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode();
        } catch (IOException notYet) {
            return 0;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        kafka.close();
        postgres.close();
    }
}
