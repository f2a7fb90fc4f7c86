package org.unhabitat.testing.process;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft Kafka broker as its own process, started from the jars of deploy/kafka-broker the
 * way deploy/run.sh starts it, so that a test can SIGKILL it and start it again on the same port and
 * the same data directory.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final int port;
    private final LocalProcess process;

    private KafkaBrokerProcess(int port, LocalProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Formats {@code directory} (it must be new) and starts the broker on free loopback ports. */
    public static KafkaBrokerProcess start(Path suiteRoot, Path directory) {
        int port = LocalProcess.freePort();
        int controllerPort = LocalProcess.freePort();
        Path classpath = suiteRoot.resolve("deploy/kafka-broker/target/lib");
        if (!Files.isDirectory(classpath)) {
            throw new IllegalStateException("Not built yet: " + classpath);
        }
        try {
            Files.createDirectories(directory);
            Path properties = directory.resolve("server.properties");
            Files.writeString(properties, serverProperties(directory.resolve("logs"), port, controllerPort));
            String java = LocalProcess.javaExecutable();
            String jars = classpath.resolve("*").toString();
            Path log4j = suiteRoot.resolve("deploy/kafka-broker/log4j2.properties");
            LocalProcess format = new LocalProcess("kafka-storage-format",
                    List.of(java, "-Xmx128m", "-cp", jars, "kafka.tools.StorageTool", "format",
                            "-t", Uuid.randomUuid().toString(), "-c", properties.toString(), "--standalone"),
                    Map.of(), directory.resolve("format.log")).start();
            format.awaitUntil("formatted", () -> !format.isAlive() || Files.exists(directory.resolve("logs/meta.properties")), STARTUP);
            LocalProcess broker = new LocalProcess("kafka-broker",
                    List.of(java, "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-Dkafka.logs.dir=" + directory,
                            "-Dlog4j2.configurationFile=" + log4j, "-cp", jars, "kafka.Kafka", properties.toString()),
                    Map.of(), directory.resolve("console.log"));
            KafkaBrokerProcess started = new KafkaBrokerProcess(port, broker);
            started.restart();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the Kafka broker in " + directory, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL, the way a broker dies when its machine loses power: nothing is flushed or handed over. */
    public void kill() {
        process.kill();
    }

    /** Starts it again on the same port and data directory, and waits until it accepts connections. */
    public void restart() {
        process.start();
        process.awaitUntil("listening on " + port, () -> LocalProcess.listening(port), STARTUP);
    }

    private static String serverProperties(Path logDirectory, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(port, controllerPort, logDirectory);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
