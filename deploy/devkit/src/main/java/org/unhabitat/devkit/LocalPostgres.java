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

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres DATA_DIR PORT DATABASE...");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);

        EmbeddedPostgres postgres = start(dataDirectory, port);
        createMissingDatabases(postgres, databases);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(postgres);
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " with databases " + databases);
        stopped.await();
    }

    public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("pgdata"))
                .setOverrideWorkingDirectory(dataDirectory.resolve("binaries").toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // zonky turns this off for speed, and then a crash loses commits the services have already
                // acknowledged to their clients: the suite's promise that nothing acknowledged is lost needs it on.
                .setServerConfig("synchronous_commit", "on")
                .start();
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
