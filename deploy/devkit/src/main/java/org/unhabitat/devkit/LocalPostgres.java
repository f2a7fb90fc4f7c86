package org.unhabitat.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server for the local run, kept in a data directory that survives restarts.
 * Usage: {@code LocalPostgres DATA_DIR PORT DATABASE...}; it runs until it is sent SIGTERM or SIGINT.
 */
public final class LocalPostgres {

    /** Under the data directory: the cluster itself. */
    static final String DATA = "pgdata";

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres DATA_DIR PORT DATABASE...");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);

        EmbeddedPostgres postgres;
        try {
            postgres = start(dataDirectory, port);
        } catch (PostgresUpgrade.Refused refused) {
            System.err.println(refused.getMessage());
            System.exit(3);
            return;
        }
        createMissingDatabases(postgres, databases);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(postgres);
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " with databases " + databases);
        stopped.await();
    }

    /**
     * Starts the server on {@code dataDirectory/pgdata}, upgrading a PostgreSQL 14 directory to 17 first
     * ({@link PostgresUpgrade}).
     *
     * @throws PostgresUpgrade.Refused when the data cannot be upgraded here; its message says what to do
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        PostgresUpgrade.upgradeIfNeeded(dataDirectory, PostgresUpgrade.ClientTools.fromEnvironment(), System.out);
        return durable(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve(DATA))
                .setOverrideWorkingDirectory(binariesDirectory().toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // Each transaction's commit time (pg_xact_commit_timestamp), so that deploy/bench.sh can tell how
                // long reporting's transactions took from how long their results took to show; 10 bytes a transaction.
                .setServerConfig("track_commit_timestamp", "on"))
                .start();
    }

    /**
     * Where zonky extracts the server's binaries: beside the devkit's classes in the built tree, under a name per
     * archive, shared by every data directory. Extracting costs about 3 s of CPU, which a fresh data directory would
     * otherwise pay before any service can start; zonky locks the directory while it extracts, so suites that start
     * side by side share one extraction.
     */
    static Path binariesDirectory() {
        return besideTheClasses("postgres-binaries");
    }

    /** A path in the devkit's build directory (target/), next to its jar or its classes. */
    static Path besideTheClasses(String name) {
        try {
            Path codeSource = Path.of(LocalPostgres.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.getParent().resolve(name);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PostgreSQL's own durable defaults, which zonky turns off for speed (it passes -F, so fsync=off, and
     * synchronous_commit=off). Without them a crash loses commits the services have already acknowledged,
     * and a power cut or an OS crash can corrupt the cluster. The services' tests keep zonky's faster
     * settings (SuiteInfrastructure); the local run and everything that runs on LocalPostgres do not.
     */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    public static void createMissingDatabases(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!database.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("Not a plain database name: " + database);
                }
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet found = exists.executeQuery()) {
                        if (found.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private LocalPostgres() {
    }
}
