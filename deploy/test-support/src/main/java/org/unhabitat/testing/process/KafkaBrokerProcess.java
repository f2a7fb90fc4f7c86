package org.unhabitat.testing.process;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.unhabitat.devkit.FreePorts;
import org.unhabitat.devkit.KafkaAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A KRaft Kafka node (broker and controller in one process) started from the jars of deploy/kafka-broker
 * the way deploy/run.sh starts it, so that a test can SIGKILL it and start it again on the same port and
 * the same data directory. Either one node on its own, or one of a cluster whose nodes all vote in the
 * controller quorum and hold a replica of every partition.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final int nodeId;
    private final int port;
    private final String adminPassword;
    private final LocalProcess process;

    private KafkaBrokerProcess(int nodeId, int port, String adminPassword, LocalProcess process) {
        this.nodeId = nodeId;
        this.port = port;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /**
     * Formats {@code nodes} new directories under {@code directory} with one cluster id and one initial
     * controller quorum of all of them, starts them on free loopback ports, and waits until every one
     * has registered as a broker. With three or more nodes, topics get three replicas and need two in
     * sync for a write, so the cluster goes on taking writes with any one node dead.
     */
    public static List<KafkaBrokerProcess> startCluster(Path suiteRoot, Path directory, int nodes) {
        return startCluster(suiteRoot, directory, nodes, null);
    }

    /**
     * As {@link #startCluster(Path, Path, int)}, but clients must log in with SASL/SCRAM-SHA-512 and may
     * do only what ACLs allow (StandardAuthorizer): the way the cluster's manifests run Kafka. The super
     * user {@code admin} with {@code adminPassword} exists from the start; the brokers use it between
     * themselves. {@link org.unhabitat.devkit.KafkaAccess} adds the services' users and ACLs.
     */
    public static List<KafkaBrokerProcess> startCluster(Path suiteRoot, Path directory, int nodes, String adminPassword) {
        Path classpath = suiteRoot.resolve("deploy/kafka-broker/target/lib");
        if (!Files.isDirectory(classpath)) {
            throw new IllegalStateException("Not built yet: " + classpath);
        }
        List<Node> cluster = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            cluster.add(new Node(id, FreePorts.next(), FreePorts.next(), Uuid.randomUuid(), directory.resolve("node-" + id)));
        }
        String clusterId = Uuid.randomUuid().toString();
        // Every node is formatted with the same quorum, so that they all start as its voters rather than
        // one of them alone having to add the others afterwards.
        String initialControllers = cluster.stream()
                .map(node -> node.id + "@127.0.0.1:" + node.controllerPort + ":" + node.directoryId)
                .collect(Collectors.joining(","));
        String java = LocalProcess.javaExecutable();
        String jars = classpath.resolve("*").toString();
        Path log4j = suiteRoot.resolve("deploy/kafka-broker/log4j2.properties");
        List<KafkaBrokerProcess> brokers = new ArrayList<>();
        try {
            List<LocalProcess> formats = new ArrayList<>();
            for (Node node : cluster) {
                Files.createDirectories(node.directory);
                Path properties = node.directory.resolve("server.properties");
                Files.writeString(properties, serverProperties(node, cluster) + (adminPassword == null ? "" : authentication(node, adminPassword)));
                List<String> format = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", jars, "kafka.tools.StorageTool", "format",
                        "-t", clusterId, "-c", properties.toString(), "--initial-controllers", initialControllers));
                if (adminPassword != null) {
                    format.addAll(List.of("--add-scram", "SCRAM-SHA-512=[name=" + KafkaAccess.ADMIN + ",password=" + adminPassword + "]"));
                }
                formats.add(new LocalProcess("kafka-storage-format-" + node.id, format, Map.of(), node.directory.resolve("format.log")).start());
                brokers.add(new KafkaBrokerProcess(node.id, node.port, adminPassword, new LocalProcess("kafka-broker-" + node.id,
                        List.of(java, "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-Dkafka.logs.dir=" + node.directory,
                                "-Dlog4j2.configurationFile=" + log4j, "-cp", jars, "kafka.Kafka", properties.toString()),
                        Map.of(), node.directory.resolve("console.log"))));
            }
            for (int i = 0; i < cluster.size(); i++) {
                Path formatted = cluster.get(i).directory.resolve("logs/meta.properties");
                LocalProcess format = formats.get(i);
                format.awaitUntil("formatted", () -> !format.isAlive() || Files.exists(formatted), STARTUP);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the Kafka nodes in " + directory, e);
        }
        // All of them before waiting for any: a node of a quorum cannot come up until a majority runs.
        brokers.forEach(broker -> broker.process.start());
        for (KafkaBrokerProcess broker : brokers) {
            broker.awaitListening();
        }
        awaitRegistered(brokers);
        return brokers;
    }

    /** The bootstrap list of several nodes, for clients that must reach the cluster with any one of them dead. */
    public static String bootstrapServers(List<KafkaBrokerProcess> brokers) {
        return brokers.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The node that is the active controller now, found through the quorum's own description. */
    public static KafkaBrokerProcess activeController(List<KafkaBrokerProcess> brokers) {
        try (Admin admin = admin(brokers)) {
            int leader = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
            return brokers.stream().filter(broker -> broker.nodeId == leader).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The quorum leader " + leader + " is none of " + brokers));
        } catch (Exception e) {
            throw new IllegalStateException("The Kafka cluster did not describe its quorum", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int nodeId() {
        return nodeId;
    }

    /** SIGKILL, the way a broker dies when its machine loses power: nothing is flushed or handed over. */
    public void kill() {
        process.kill();
    }

    /** Starts it again on the same port and data directory, and waits until it accepts connections. */
    public void restart() {
        process.start();
        awaitListening();
    }

    private void awaitListening() {
        process.awaitUntil("listening on " + port, () -> LocalProcess.listening(port), STARTUP);
    }

    /** A node listens before it has joined the quorum; topics with three replicas can only be created once all have. */
    private static void awaitRegistered(List<KafkaBrokerProcess> brokers) {
        Instant deadline = Instant.now().plus(STARTUP);
        try (Admin admin = admin(brokers)) {
            while (true) {
                int registered;
                try {
                    registered = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                } catch (Exception notYet) {
                    registered = 0;
                }
                if (registered == brokers.size()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(registered + " of " + brokers.size() + " Kafka nodes registered within " + STARTUP
                            + "; the end of the first one's log:\n" + brokers.get(0).process.tail());
                }
                LocalProcess.pause(Duration.ofMillis(200));
            }
        }
    }

    /** As the super user where the cluster requires a login. */
    public static Admin admin(List<KafkaBrokerProcess> brokers) {
        String password = brokers.get(0).adminPassword;
        return Admin.create(password == null ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(brokers))
                : KafkaAccess.clientConfig(bootstrapServers(brokers), KafkaAccess.ADMIN, password));
    }

    /**
     * Appended to {@link #serverProperties}, whose listener settings it overrides (the last value of a key wins).
     * The client listener takes SCRAM-SHA-512 and so does the brokers' own traffic, as the super user.
     * The controller listener takes PLAIN with the same user, since a controller cannot look SCRAM
     * credentials up in the metadata it is still loading.
     */
    private static String authentication(Node node, String adminPassword) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%1$s\" password=\"%2$s\" user_%1$s=\"%2$s\";"
                .formatted(KafkaAccess.ADMIN, adminPassword);
        return """
                listeners=SASL_PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=SASL_PLAINTEXT://127.0.0.1:%1$d
                inter.broker.listener.name=SASL_PLAINTEXT
                listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
                sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                sasl.mechanism.controller.protocol=PLAIN
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=%3$s
                listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=%4$s
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%5$s
                allow.everyone.if.no.acl.found=false
                auto.create.topics.enable=false
                """.formatted(node.port, node.controllerPort, plain, KafkaAccess.jaasConfig(KafkaAccess.ADMIN, adminPassword), KafkaAccess.ADMIN);
    }

    private record Node(int id, int port, int controllerPort, Uuid directoryId, Path directory) {
    }

    private static String serverProperties(Node node, List<Node> cluster) {
        // One node can only keep one copy; three copies with two in sync survive the loss of any one node.
        int replicas = Math.min(cluster.size(), 3);
        int inSync = Math.max(1, replicas - 1);
        // Six partitions in a cluster, so that two instances of a consumer get three each. Topics are kept
        // forever (log.retention.ms=-1), as deploy/run.sh keeps them: a rebuild replays from the first record.
        int partitions = cluster.size() == 1 ? 3 : 6;
        String controllers = cluster.stream().map(other -> "127.0.0.1:" + other.controllerPort).collect(Collectors.joining(","));
        return """
                process.roles=broker,controller
                node.id=%1$d
                controller.quorum.bootstrap.servers=%4$s
                listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%5$s
                num.partitions=%8$d
                default.replication.factor=%6$d
                min.insync.replicas=%7$d
                unclean.leader.election.enable=false
                offsets.topic.replication.factor=%6$d
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=%6$d
                transaction.state.log.min.isr=%7$d
                share.coordinator.state.topic.replication.factor=%6$d
                share.coordinator.state.topic.min.isr=%7$d
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                log.retention.ms=-1
                """.formatted(node.id, node.port, node.controllerPort, controllers, node.directory.resolve("logs"),
                replicas, inSync, partitions);
    }

    @Override
    public String toString() {
        return "Kafka node " + nodeId + " on " + bootstrapServers();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
