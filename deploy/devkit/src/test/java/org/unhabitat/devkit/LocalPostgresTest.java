package org.unhabitat.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local run keeps PostgreSQL's durable defaults, read back from the running server. Found by
 * deploy/chaos: with zonky's synchronous_commit=off, PostgreSQL killed with SIGKILL lost pledges that
 * contributions-service had already acknowledged; with its fsync=off, a power cut can corrupt the cluster.
 */
class LocalPostgresTest {

    @Test
    void aCommitIsFlushedToDiskBeforeItIsAcknowledgedSoThatNeitherACrashNorAPowerCutCanLoseIt(@TempDir Path directory) throws Exception {
        try (EmbeddedPostgres postgres = LocalPostgres.start(directory, FreePorts.next());
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    assertEquals("on", value.getString(1), setting);
                }
            }
        }
    }

    @Test
    void eachTransactionKeepsItsCommitTimeForTheBenchToSplitTheLagAtEachCommit(@TempDir Path directory) throws Exception {
        try (EmbeddedPostgres postgres = LocalPostgres.start(directory, FreePorts.next());
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE committed (id INTEGER)");
            statement.execute("INSERT INTO committed VALUES (1)");
            try (ResultSet committedAt = statement.executeQuery(
                    "SELECT pg_xact_commit_timestamp(xmin) > now() - interval '1 minute' FROM committed")) {
                committedAt.next();
                assertTrue(committedAt.getBoolean(1));
            }
        }
    }

    @Test
    void theLocalRunIsThePostgreSqlThatIsDeployed(@TempDir Path directory) throws Exception {
        try (EmbeddedPostgres postgres = LocalPostgres.start(directory, FreePorts.next());
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            assertTrue(version.getString(1).startsWith(PostgresUpgrade.CURRENT_MAJOR + "."), version.getString(1));
        }
    }

    @Test
    void aFreshDataDirectoryHoldsOnlyTheClusterBecauseTheBinariesAreExtractedOnceForTheBuiltTree(@TempDir Path first,
                                                                                                 @TempDir Path second)
            throws Exception {
        for (Path directory : List.of(first, second)) {
            try (EmbeddedPostgres postgres = LocalPostgres.start(directory, FreePorts.next())) {
                try (Stream<Path> entries = Files.list(directory)) {
                    assertEquals(List.of(directory.resolve(LocalPostgres.DATA)), entries.toList());
                }
            }
        }
        try (Stream<Path> extracted = Files.list(LocalPostgres.binariesDirectory())) {
            assertTrue(extracted.anyMatch(entry -> Files.isExecutable(entry.resolve("bin/postgres"))),
                    "no server binary under " + LocalPostgres.binariesDirectory());
        }
    }
}
