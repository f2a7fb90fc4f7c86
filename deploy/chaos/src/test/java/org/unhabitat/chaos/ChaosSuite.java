package org.unhabitat.chaos;

import org.unhabitat.devkit.DevTokens;
import org.unhabitat.testing.process.KafkaBrokerProcess;
import org.unhabitat.testing.process.PostgresProcess;
import org.unhabitat.testing.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as separate processes that the tests may kill: a PostgreSQL server, a Kafka broker
 * and the three packaged services, all on loopback, with a fresh data directory per run.
 */
final class ChaosSuite implements AutoCloseable {

    static final String ISSUER = "https://issuer.chaos.rm-suite";
    static final String AUDIENCE = "resource-mobilization-suite";
    static final List<String> SERVICES = List.of("contributions", "targets", "reporting");
    private static final Duration READY = Duration.ofSeconds(120);

    final Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
    final Path workDirectory;
    final PostgresProcess postgres;
    final KafkaBrokerProcess kafka;
    final DevTokens tokens;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    ChaosSuite() throws IOException {
        workDirectory = Files.createTempDirectory("rm-suite-chaos");
        // A test JVM stopped by Ctrl-C or a CI timeout must not leave a broker or a database behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "chaos-suite-stop"));
        postgres = PostgresProcess.start(root, workDirectory.resolve("postgres"), SERVICES);
        kafka = KafkaBrokerProcess.start(root, workDirectory.resolve("kafka"));
        DevTokens.writeKeyPair(DevTokens.generateKeyPair(), workDirectory.resolve("keys"));
        tokens = DevTokens.fromKeyDirectory(workDirectory.resolve("keys"), ISSUER, AUDIENCE);
        for (String service : SERVICES) {
            services.put(service, ServiceProcess.create(root, service, environment(service), workDirectory.resolve("logs")).start());
        }
        services.values().forEach(service -> service.awaitReady(READY));
    }

    private Map<String, String> environment(String service) {
        String prefix = service.toUpperCase();
        return Map.of(
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                prefix + "_DB_URL", postgres.jdbcUrl(service),
                prefix + "_DB_USER", "postgres",
                prefix + "_DB_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "JWT_ISSUER", ISSUER,
                "JWT_AUDIENCE", AUDIENCE,
                "JWT_PUBLIC_KEY_LOCATION", workDirectory.resolve("keys").resolve(DevTokens.PUBLIC_KEY_FILE).toUri().toString());
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    String url(String service) {
        return services.get(service).url();
    }

    String finance() {
        return tokens.mint("finance", null, Duration.ofHours(6));
    }

    String admin() {
        return tokens.mint("admin", null, Duration.ofHours(6));
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(service), "postgres", "postgres");
    }

    /** Services first, so that consumers leave their groups; then the broker; then the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        services.values().forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
