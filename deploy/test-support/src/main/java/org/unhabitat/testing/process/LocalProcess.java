package org.unhabitat.testing.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One operating-system process that a test starts, and may kill and start again with the same
 * command, environment and log. It only ever signals the process it started itself, by its PID.
 */
public final class LocalProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Path workingDirectory;
    private Process process;

    public LocalProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this(name, command, environment, log, null);
    }

    /** @param workingDirectory where the process runs; null: where the test runs */
    public LocalProcess(String name, List<String> command, Map<String, String> environment, Path log, Path workingDirectory) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.workingDirectory = workingDirectory;
    }

    public synchronized LocalProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as PID " + process.pid());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not start", e);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker or the database. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(20));
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    public synchronized void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(grace)) {
                kill();
            }
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's id of the process started last; what it calls itself to others. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code condition} holds; fails with the end of the log if the process dies or time runs out. */
    public void awaitUntil(String what, BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before " + what + "; the end of its log:\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not reach '" + what + "' within " + timeout + "; the end of its log:\n" + tail());
            }
            pause(Duration.ofMillis(200));
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
