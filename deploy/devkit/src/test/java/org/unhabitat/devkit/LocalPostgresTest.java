package org.unhabitat.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Found by deploy/chaos: PostgreSQL killed with SIGKILL lost pledges that contributions-service had already acknowledged. */
class LocalPostgresTest {

    @Test
    void aCommitIsOnDiskBeforeItIsAcknowledgedSoThatACrashCannotLoseIt(@TempDir Path directory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedPostgres postgres = LocalPostgres.start(directory, port);
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet setting = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
            setting.next();
            assertEquals("on", setting.getString(1));
        }
    }
}
