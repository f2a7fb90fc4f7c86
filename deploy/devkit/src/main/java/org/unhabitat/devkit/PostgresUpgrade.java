package org.unhabitat.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Moves a local run's PostgreSQL 14 data directory to 17, which the suite now runs (the version the
 * CloudNativePG manifests and Compose deploy). A major version cannot read another's files, so the
 * 14 server is started from its own binaries, each database is dumped with pg_dump and restored into a
 * new 17 cluster, every table's rows and every sequence are compared between the two, and only then is
 * the new cluster put in place. The 14 directory is kept beside it, renamed, until someone deletes it.
 * Anything that goes wrong before the swap leaves the 14 directory as it was, and says what to do.
 */
public final class PostgresUpgrade {

    static final String CURRENT_MAJOR = "17";
    static final String PREVIOUS_MAJOR = "14";
    static final String UPGRADING = "pgdata-17-upgrading";
    static final String BACKUP = "pgdata-14-backup";
    /** Written once the new cluster is verified, so that a crash during the swap finishes it on the next start. */
    static final String VERIFIED = "upgrade-to-17.verified";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    /** The upgrade cannot go ahead; the message says why, what to do, and that nothing was changed. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Where pg_dump and psql are: RM_POSTGRES_CLIENT_BIN if set, otherwise the PATH. */
    public record ClientTools(List<Path> searchPath) {

        public static ClientTools fromEnvironment() {
            String configured = System.getenv("RM_POSTGRES_CLIENT_BIN");
            String path = configured != null ? configured : System.getenv().getOrDefault("PATH", "");
            return new ClientTools(Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList());
        }

        Optional<Path> find(String tool) {
            return searchPath.stream().map(dir -> dir.resolve(tool)).filter(Files::isExecutable).findFirst();
        }
    }

    private PostgresUpgrade() {
    }

    /** Does nothing to a fresh or a PostgreSQL 17 directory; upgrades a 14 one; refuses, saying why, otherwise. */
    public static void upgradeIfNeeded(Path dataDirectory, ClientTools tools, PrintStream out) throws IOException {
        Path data = dataDirectory.resolve(LocalPostgres.DATA);
        Path upgrading = dataDirectory.resolve(UPGRADING);
        Path verified = dataDirectory.resolve(VERIFIED);
        if (!Files.exists(data) && Files.exists(verified) && Files.isDirectory(upgrading)) {
            // The previous start verified the new cluster and stopped between the two renames.
            Files.move(upgrading, data, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(verified);
            out.println("Finished the upgrade to PostgreSQL 17 that was interrupted; the 14 data is in " + backups(dataDirectory));
            return;
        }
        Path versionFile = data.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String major = Files.readString(versionFile).strip();
        if (major.equals(CURRENT_MAJOR)) {
            return;
        }
        if (!major.equals(PREVIOUS_MAJOR)) {
            throw new Refused(data + " holds PostgreSQL " + major + " data; this suite runs PostgreSQL " + CURRENT_MAJOR
                    + " and upgrades only from " + PREVIOUS_MAJOR + ". Nothing was changed. Dump it with pg_dumpall from a PostgreSQL "
                    + major + " server and restore it into a fresh run, or move " + data + " away to start with empty databases.");
        }
        upgrade(dataDirectory, tools, out);
    }

    private static void upgrade(Path dataDirectory, ClientTools tools, PrintStream out) throws IOException {
        Path data = dataDirectory.resolve(LocalPostgres.DATA);
        Path pgDump = tools.find("pg_dump").orElse(null);
        Path pgDumpAll = tools.find("pg_dumpall").orElse(null);
        Path psql = tools.find("psql").orElse(null);
        int clientMajor = pgDump == null ? 0 : majorVersion(pgDump);
        if (pgDump == null || pgDumpAll == null || psql == null || clientMajor < Integer.parseInt(PREVIOUS_MAJOR)) {
            throw new Refused(data + " holds PostgreSQL 14 data and the suite now runs PostgreSQL 17. Upgrading it needs the"
                    + " PostgreSQL client tools pg_dump, pg_dumpall and psql, version 14 or newer"
                    + (pgDump == null ? ", which were not found" : " (found version " + clientMajor + ")")
                    + ". Install them (Debian or Ubuntu: apt-get install postgresql-client), or point RM_POSTGRES_CLIENT_BIN at"
                    + " their directory, and start again: the data is then dumped, restored into 17 and verified, and the 14"
                    + " directory kept as " + BACKUP + ". Nothing was changed. To start with empty databases instead, move "
                    + data + " away.");
        }
        Path previousBinaries = previousBinaries();
        Path upgrading = dataDirectory.resolve(UPGRADING);
        Path dumps = dataDirectory.resolve("upgrade-dumps");
        deleteRecursively(upgrading);
        deleteRecursively(dumps);
        Files.createDirectories(dumps);
        out.println("Upgrading the PostgreSQL 14 data in " + data + " to PostgreSQL 17 (pg_dump " + clientMajor + ")...");
        Map<String, Map<String, String>> before;
        Map<String, Map<String, String>> after;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setPgBinaryResolver(fromJar(previousBinaries))
                .setDataDirectory(data)
                .setOverrideWorkingDirectory(LocalPostgres.binariesDirectory().toFile())
                .setCleanDataDirectory(false)
                .setPort(FreePorts.next())
                .start();
             EmbeddedPostgres current = LocalPostgres.durable(EmbeddedPostgres.builder()
                .setDataDirectory(upgrading)
                .setOverrideWorkingDirectory(LocalPostgres.binariesDirectory().toFile())
                .setCleanDataDirectory(false)
                .setPort(FreePorts.next()))
                .start()) {
            List<String> databases = databases(old);
            Path globals = dumps.resolve("globals.sql");
            run(List.of(pgDumpAll.toString(), "--globals-only", "--no-role-passwords", "-h", "127.0.0.1", "-p", String.valueOf(old.getPort()),
                    "-U", "postgres", "-f", globals.toString()), dumps.resolve("globals-dump.log"));
            // The roles exist already where initdb made them (postgres); every other statement must succeed.
            run(List.of(psql.toString(), "-X", "-q", "-h", "127.0.0.1", "-p", String.valueOf(current.getPort()), "-U", "postgres",
                    "-d", "postgres", "-f", globals.toString()), dumps.resolve("globals-restore.log"));
            for (String database : databases) {
                if (!database.equals("postgres")) {
                    execute(current, "postgres", "CREATE DATABASE \"" + database + "\"");
                }
                Path dump = dumps.resolve(database + ".sql");
                run(List.of(pgDump.toString(), "-h", "127.0.0.1", "-p", String.valueOf(old.getPort()), "-U", "postgres",
                        "-d", database, "-f", dump.toString()), dumps.resolve(database + "-dump.log"));
                run(List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-h", "127.0.0.1",
                        "-p", String.valueOf(current.getPort()), "-U", "postgres", "-d", database, "-f", dump.toString()),
                        dumps.resolve(database + "-restore.log"));
            }
            before = contents(old, databases);
            after = contents(current, databases(current));
        }
        if (!before.equals(after)) {
            throw new Refused("The upgrade to PostgreSQL 17 did not reproduce the data of " + data + ", so it was not used: "
                    + difference(before, after) + ". Nothing was changed; the dumps are in " + dumps
                    + ". Report this, or move " + data + " away to start with empty databases.");
        }
        Files.writeString(dataDirectory.resolve(VERIFIED), LocalDateTime.now() + "\n");
        Path backup = freeName(dataDirectory.resolve(BACKUP));
        Files.move(data, backup, StandardCopyOption.ATOMIC_MOVE);
        Files.move(upgrading, data, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(dataDirectory.resolve(VERIFIED));
        deleteRecursively(dumps);
        long rows = before.values().stream().flatMap(tables -> tables.values().stream())
                .mapToLong(summary -> Long.parseLong(summary.split(" ")[0])).sum();
        out.println("Upgraded to PostgreSQL 17: " + before.size() + " databases, " + rows + " rows verified table by table."
                + " The PostgreSQL 14 data is kept in " + backup + "; delete it once you no longer need it.");
    }

    /** The zonky 14 binaries the build copies beside the devkit's classes (target/postgres-14), never onto the class path. */
    static Path previousBinaries() throws Refused {
        Path jar = LocalPostgres.besideTheClasses("postgres-14/postgres-binaries-14.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        throw new Refused("The PostgreSQL 14 binaries needed to upgrade the data are missing (" + jar
                + "). Build the suite (./mvnw -B package -DskipTests) and start again. Nothing was changed.");
    }

    static PgBinaryResolver fromJar(Path jar) {
        return (system, machine) -> URI.create("jar:" + jar.toUri() + "!/" + ARCHIVE).toURL().openStream();
    }

    private static List<String> databases(EmbeddedPostgres postgres) throws IOException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException("Cannot list the databases", e);
        }
        return names;
    }

    /**
     * Per database, per table and sequence: its row count and a digest of its rows' text, compared
     * between the two servers. Both run with TimeZone UTC (zonky's setting), so timestamps print alike.
     */
    static Map<String, Map<String, String>> contents(EmbeddedPostgres postgres, List<String> databases) throws IOException {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String database : databases) {
            Map<String, String> tables = new TreeMap<>();
            try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                 Statement statement = connection.createStatement()) {
                List<String> relations = new ArrayList<>();
                List<String> sequences = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("""
                        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                          AND n.nspname NOT LIKE 'pg_toast%'""")) {
                    while (rows.next()) {
                        (rows.getString(2).equals("S") ? sequences : relations).add(rows.getString(1));
                    }
                }
                for (String table : relations) {
                    try (ResultSet row = statement.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '-') FROM "
                            + table + " t")) {
                        row.next();
                        tables.put(table, row.getLong(1) + " rows " + row.getString(2));
                    }
                }
                for (String sequence : sequences) {
                    try (ResultSet row = statement.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
                        row.next();
                        tables.put(sequence, "0 rows, at " + row.getLong(1) + (row.getBoolean(2) ? " (called)" : ""));
                    }
                }
            } catch (SQLException e) {
                throw new IOException("Cannot read the contents of " + database, e);
            }
            all.put(database, tables);
        }
        return all;
    }

    private static String difference(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        for (String database : before.keySet()) {
            Map<String, String> old = before.get(database);
            Map<String, String> now = after.getOrDefault(database, Map.of());
            for (String table : old.keySet()) {
                if (!old.get(table).equals(now.get(table))) {
                    return database + "." + table + " was " + old.get(table) + " and is " + now.get(table);
                }
            }
        }
        return "the databases differ: " + before.keySet() + " against " + after.keySet();
    }

    private static void execute(EmbeddedPostgres postgres, String database, String sql) throws IOException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IOException(sql + " failed", e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", "postgres");
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new Refused(String.join(" ", command.subList(0, 1)) + " failed during the upgrade to PostgreSQL 17: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip() + ". Nothing was changed; see " + log + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted during the upgrade", e);
        }
    }

    private static int majorVersion(Path pgDump) {
        try {
            Process process = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher version = Pattern.compile("(\\d+)(\\.\\d+)?").matcher(output);
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Path freeName(Path wanted) {
        if (!Files.exists(wanted)) {
            return wanted;
        }
        return wanted.resolveSibling(wanted.getFileName() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private static String backups(Path dataDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(BACKUP)).map(Path::toString).sorted().toList().toString();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
