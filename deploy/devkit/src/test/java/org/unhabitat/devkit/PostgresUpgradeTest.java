package org.unhabitat.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A local run that finds PostgreSQL 14 data upgrades it to 17 without losing a row, or says what to do and changes nothing. */
class PostgresUpgradeTest {

    @Test
    void aPostgreSql14DataDirectoryIsDumpedRestoredIntoSeventeenAndVerifiedAndTheOldOneIsKept(@TempDir Path directory) throws Exception {
        PostgresUpgrade.ClientTools tools = PostgresUpgrade.ClientTools.fromEnvironment();
        assumeTrue(tools.find("pg_dump").isPresent() && tools.find("psql").isPresent(),
                "SKIPPED LOUDLY: pg_dump and psql are not installed (apt-get install postgresql-client); CI installs them");
        createPostgres14Data(directory);

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PostgresUpgrade.upgradeIfNeeded(directory, tools, new PrintStream(said, true));

        assertEquals("17", Files.readString(directory.resolve("pgdata/PG_VERSION")).strip());
        assertEquals("14", Files.readString(directory.resolve("pgdata-14-backup/PG_VERSION")).strip(), "the old directory is kept");
        assertTrue(said.toString().contains("PostgreSQL 14 data is kept in"), said.toString());
        try (EmbeddedPostgres postgres = LocalPostgres.start(directory, FreePorts.next());
             Connection connection = postgres.getDatabase("postgres", "contributions").getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                assertTrue(version.getString(1).startsWith("17."), version.getString(1));
            }
            try (ResultSet rows = statement.executeQuery("SELECT reference, amount, pledged_at FROM pledge ORDER BY id")) {
                assertTrue(rows.next());
                assertEquals("SWE-2021", rows.getString(1));
                assertEquals("800000.00", rows.getBigDecimal(2).toPlainString());
                assertEquals("2021-06-15 00:00:00+00", rows.getString(3));
                assertTrue(rows.next());
                assertEquals("EC-2021", rows.getString(1));
                assertEquals("12345678.91", rows.getBigDecimal(2).toPlainString());
                assertFalse(rows.next());
            }
            try (ResultSet next = statement.executeQuery("SELECT nextval('pledge_id_seq')")) {
                next.next();
                assertEquals(3, next.getLong(1), "the sequence goes on where it stood");
            }
        }
    }

    @Test
    void withoutTheClientToolsTheUpgradeSaysWhatToDoAndChangesNothing(@TempDir Path directory) throws Exception {
        createPostgres14Data(directory);
        PostgresUpgrade.ClientTools none = new PostgresUpgrade.ClientTools(List.of(Files.createDirectories(directory.resolve("empty-bin"))));

        PostgresUpgrade.Refused refused = assertThrows(PostgresUpgrade.Refused.class,
                () -> PostgresUpgrade.upgradeIfNeeded(directory, none, System.out));

        assertTrue(refused.getMessage().contains("apt-get install postgresql-client"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Nothing was changed"), refused.getMessage());
        assertEquals("14", Files.readString(directory.resolve("pgdata/PG_VERSION")).strip());
        assertFalse(Files.exists(directory.resolve("pgdata-14-backup")));
    }

    /** What an earlier local run left: zonky's PostgreSQL 14 binaries, a service database, rows and a sequence. */
    private static void createPostgres14Data(Path directory) throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PostgresUpgrade.fromJar(PostgresUpgrade.previousBinaries()))
                .setDataDirectory(directory.resolve("pgdata"))
                .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                .setCleanDataDirectory(false)
                .setPort(FreePorts.next())
                .start()) {
            LocalPostgres.createMissingDatabases(old, List.of("contributions", "targets"));
            try (Connection connection = old.getDatabase("postgres", "contributions").getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pledge (id BIGSERIAL PRIMARY KEY, reference TEXT NOT NULL UNIQUE,"
                        + " amount NUMERIC(19, 2) NOT NULL, pledged_at TIMESTAMPTZ NOT NULL)");
                statement.execute("INSERT INTO pledge (reference, amount, pledged_at) VALUES"
                        + " ('SWE-2021', 800000.00, '2021-06-15T00:00:00Z'), ('EC-2021', 12345678.91, '2021-09-30T00:00:00Z')");
            }
        }
        assertEquals("14", Files.readString(directory.resolve("pgdata/PG_VERSION")).strip());
    }
}
