package org.unhabitat.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.unhabitat.devkit.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts what a service needs under test, all of it real: a PostgreSQL server, a KRaft Kafka broker
 * and a fresh signing key whose public half the service trusts. Tests mint tokens with {@link TestTokens}.
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://issuer.test.rm-suite";
    public static final String AUDIENCE = "resource-mobilization-suite";
    public static final String KEY_DIRECTORY_PROPERTY = "rm-suite.test.jwt-key-directory";

    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
        kafka = EmbeddedKafka.start();
        Path keyDirectory = newKeyDirectory();
        System.setProperty(KEY_DIRECTORY_PROPERTY, keyDirectory.toString());
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.jwt.verify.publickey.location", keyDirectory.resolve(DevTokens.PUBLIC_KEY_FILE).toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path newKeyDirectory() {
        try {
            Path directory = Files.createTempDirectory("rm-suite-jwt");
            DevTokens.writeKeyPair(DevTokens.generateKeyPair(), directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
