package org.unhabitat.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.unhabitat.devkit.FreePorts;
import org.unhabitat.testing.process.LocalProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The broker that deploy/run.sh starts, configured by the same shell function (deploy/lib/suite.sh), keeps
 * the event topics forever: a rebuild replays them from their first record, so a broker that deleted
 * week-old records would make a rebuild lose events without a word (defect 8 of issue 14).
 */
class LocalRunBrokerIT {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theBrokerRunShStartsKeepsTheEventTopicsForever() throws Exception {
        Path directory = Files.createTempDirectory("rm-suite-run-broker");
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Process configure = new ProcessBuilder("bash", "-c", "source deploy/lib/suite.sh && write_kafka_config \"$1\" \"$2\" \"$3\""
                + " && format_kafka_storage_once \"$PWD\" \"$1\"", "configure", directory.toString(), String.valueOf(port),
                String.valueOf(controllerPort)).directory(ROOT.toFile()).inheritIO().start();
        assertEquals(0, configure.waitFor(), "deploy/lib/suite.sh could not configure and format the broker");

        try (LocalProcess broker = new LocalProcess("run-sh-broker", List.of(LocalProcess.javaExecutable(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + ROOT.resolve("deploy/kafka-broker/log4j2.properties"),
                "-Dkafka.logs.dir=" + directory, "-cp", ROOT.resolve("deploy/kafka-broker/target/lib/*").toString(), "kafka.Kafka",
                directory.resolve("server.properties").toString()), Map.of(), directory.resolve("console.log"))) {
            broker.start();
            broker.awaitUntil("listening on " + port, () -> LocalProcess.listening(port), Duration.ofSeconds(60));
            String bootstrap = "127.0.0.1:" + port;
            List<String> topics = List.of("contributions.events", "targets.events");
            // Created the way the services create them: by the broker, on a producer's first record.
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (String topic : topics) {
                    producer.send(new ProducerRecord<>(topic, "key", "{}")).get(60, TimeUnit.SECONDS);
                }
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                for (String topic : topics) {
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                    Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                    assertEquals("-1", config.get(TopicConfig.RETENTION_MS_CONFIG).value(), topic + " retention.ms");
                }
            }
        }
    }
}
