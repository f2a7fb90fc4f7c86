package org.unhabitat.testing.process;

import org.unhabitat.devkit.FreePorts;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the suite's services as the packaged jar that production runs, configured only through its environment. */
public final class ServiceProcess implements AutoCloseable {

    /** Written by the build (quarkus.package.jar.appcds.enabled) for the JDK that built it. */
    private static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";

    private final int port;
    private final int managementPort;
    private final LocalProcess process;

    private ServiceProcess(int port, int managementPort, LocalProcess process) {
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * @param service     contributions, targets or reporting
     * @param instance    which of the service's instances this is, from 1; it names the log
     * @param environment everything but the HTTP ports (API and management), which are chosen here
     */
    public static ServiceProcess create(Path suiteRoot, String service, int instance, Map<String, String> environment, Path logDirectory) {
        Path application = suiteRoot.resolve(service + "-service/target/quarkus-app");
        if (!Files.exists(application.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("Not packaged yet: " + application.resolve("quarkus-run.jar"));
        }
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Map<String, String> withPort = new HashMap<>(environment);
        withPort.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        withPort.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        List<String> command = new ArrayList<>(List.of(LocalProcess.javaExecutable(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        // The build's class data archive names the jars relative to the application's directory, so it runs there.
        if (Files.exists(application.resolve(CLASS_DATA_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE);
        }
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ServiceProcess(port, managementPort,
                new LocalProcess(service + "-service-" + instance, command, withPort,
                        logDirectory.resolve(service + "-service-" + instance + ".log"), application));
    }

    public ServiceProcess start() {
        process.start();
        return this;
    }

    /** Waits until it serves HTTP at all; readiness may still be down while the broker is. */
    public void awaitLive(Duration timeout) {
        process.awaitUntil("live", () -> status(managementUrl() + "/q/health/live") == 200, timeout);
    }

    public void awaitReady(Duration timeout) {
        process.awaitUntil("ready", () -> status(managementUrl() + "/q/health/ready") == 200, timeout);
    }

    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where health and metrics answer: not on the API port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Its process id, by which it names its Kafka clients ({@code <group>-<host>-<pid>}). */
    public long pid() {
        return process.pid();
    }

    private static int status(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode();
        } catch (IOException notYet) {
            return 0;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
