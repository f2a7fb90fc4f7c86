package org.unhabitat.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
    void theLocalRunIsThePostgreSqlThatIsDeployed(@TempDir Path directory) throws Exception {
        try (EmbeddedPostgres postgres = LocalPostgres.start(directory, FreePorts.next());
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            assertTrue(version.getString(1).startsWith(PostgresUpgrade.CURRENT_MAJOR + "."), version.getString(1));
        }
    }

}
