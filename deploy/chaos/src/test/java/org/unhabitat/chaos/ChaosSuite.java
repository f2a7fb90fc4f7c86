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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as separate processes that the tests may kill: a PostgreSQL server, one Kafka node or
 * a cluster of them, and one or more instances of each of the three packaged services, all on loopback,
 * with a fresh data directory per suite.
 */
final class ChaosSuite implements AutoCloseable {

    static final String ISSUER = "https://issuer.chaos.rm-suite";
    static final String AUDIENCE = "resource-mobilization-suite";
    static final List<String> SERVICES = List.of("contributions", "targets", "reporting");
    private static final Duration READY = Duration.ofSeconds(120);

    final Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
    final Path workDirectory;
    final PostgresProcess postgres;
    final List<KafkaBrokerProcess> brokers;
    final DevTokens tokens;
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();

    /** @param instances of each service, all sharing its database and its consumer groups */
    ChaosSuite(int brokers, int instances) throws IOException {
        workDirectory = Files.createTempDirectory("rm-suite-chaos");
        // A test JVM stopped by Ctrl-C or a CI timeout must not leave a broker or a database behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "chaos-suite-stop"));
        postgres = PostgresProcess.start(root, workDirectory.resolve("postgres"), SERVICES);
        this.brokers = KafkaBrokerProcess.startCluster(root, workDirectory.resolve("kafka"), brokers);
        DevTokens.writeKeyPair(DevTokens.generateKeyPair(), workDirectory.resolve("keys"));
        tokens = DevTokens.fromKeyDirectory(workDirectory.resolve("keys"), ISSUER, AUDIENCE);
        for (String service : SERVICES) {
            List<ServiceProcess> started = new ArrayList<>();
            for (int instance = 1; instance <= instances; instance++) {
                started.add(ServiceProcess.create(root, service, instance, environment(service), workDirectory.resolve("logs")).start());
            }
            services.put(service, started);
        }
        services.values().forEach(started -> started.forEach(service -> service.awaitReady(READY)));
    }

    private Map<String, String> environment(String service) {
        String prefix = service.toUpperCase();
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                prefix + "_DB_URL", postgres.jdbcUrl(service),
                prefix + "_DB_USER", "postgres",
                prefix + "_DB_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "JWT_ISSUER", ISSUER,
                "JWT_AUDIENCE", AUDIENCE,
                "JWT_PUBLIC_KEY_LOCATION", workDirectory.resolve("keys").resolve(DevTokens.PUBLIC_KEY_FILE).toUri().toString()));
        if (service.equals("contributions")) {
            // The webhook scenario's receiver listens on loopback, as a developer's does in the local run. A delivery
            // in flight when its instance dies is due again after the lease: shorter than production's, to keep the
            // scenario short, and still far longer than the receiver takes to answer.
            environment.put("WEBHOOKS_LOCAL_RECEIVER_ALLOWED", "true");
            environment.put("WEBHOOKS_DELIVERY_LEASE", "15s");
        }
        return environment;
    }

    /** The first instance of the service. */
    ServiceProcess service(String name) {
        return services.get(name).get(0);
    }

    List<ServiceProcess> instances(String name) {
        return services.get(name);
    }

    String url(String service) {
        return service(service).url();
    }

    List<String> urls(String service) {
        return services.get(service).stream().map(ServiceProcess::url).toList();
    }

    String bootstrapServers() {
        return KafkaBrokerProcess.bootstrapServers(brokers);
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

    /** Services first, so that consumers leave their groups; then the brokers; then the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        services.values().forEach(instances -> instances.forEach(ServiceProcess::close));
        if (brokers != null) {
            brokers.forEach(KafkaBrokerProcess::close);
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
