package org.unhabitat.testing.process;

import org.unhabitat.devkit.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server started by devkit's LocalPostgres in a JVM of its own, so that a test can
 * kill the server itself (the postmaster, by the PID in its postmaster.pid) and start it again on
 * the same port and data directory, as after a crash.
 */
public final class PostgresProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final int port;
    private final Path directory;
    private final LocalProcess launcher;

    private PostgresProcess(int port, Path directory, LocalProcess launcher) {
        this.port = port;
        this.directory = directory;
        this.launcher = launcher;
    }

    public static PostgresProcess start(Path suiteRoot, Path directory, List<String> databases) {
        Path devkit = suiteRoot.resolve("deploy/devkit/target");
        String devkitJar;
        try (var jars = Files.list(devkit)) {
            devkitJar = jars.map(Path::toString)
                    .filter(name -> name.matches(".*/devkit-[^/]*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Not built yet: " + devkit + "/devkit-*.jar"));
        } catch (IOException e) {
            throw new IllegalStateException("Not built yet: " + devkit, e);
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(LocalProcess.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", devkitJar + ":" + devkit.resolve("lib/*"),
                "org.unhabitat.devkit.LocalPostgres", directory.toString(), String.valueOf(port)));
        command.addAll(databases);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PostgresProcess postgres = new PostgresProcess(port, directory,
                new LocalProcess("postgres", command, Map.of(), directory.resolve("launcher.log")));
        postgres.restart();
        return postgres;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Kills the postmaster with SIGKILL, waits for its backends to notice and exit, then kills the
     * launcher JVM too, so that nothing runs a clean shutdown.
     */
    public void kill() {
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        List<ProcessHandle> backends = postmaster.map(handle -> handle.children().toList()).orElse(List.of());
        postmaster.ifPresent(ProcessHandle::destroyForcibly);
        postmaster.ifPresent(handle -> awaitExit(handle, Duration.ofSeconds(10)));
        backends.forEach(backend -> awaitExit(backend, Duration.ofSeconds(10)));
        launcher.kill();
    }

    /** Starts it on the same port and data directory; after a kill it runs crash recovery first. */
    public void restart() {
        String ready = "PostgreSQL ready on 127.0.0.1:" + port;
        long linesBefore = logLines();
        launcher.start();
        launcher.awaitUntil("ready", () -> logLines() > linesBefore && logContainsAfter(linesBefore, ready), STARTUP);
    }

    private Optional<Long> postmasterPid() {
        Path pidFile = directory.resolve("pgdata/postmaster.pid");
        try {
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private long logLines() {
        try (var lines = Files.lines(launcher.log())) {
            return lines.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean logContainsAfter(long skip, String text) {
        try (var lines = Files.lines(launcher.log())) {
            return lines.skip(skip).anyMatch(line -> line.contains(text));
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            // A backend that outlives this makes the restart fail, and the launcher's log then says why.
        }
    }

    @Override
    public void close() {
        launcher.stop(Duration.ofSeconds(30));
    }
}
