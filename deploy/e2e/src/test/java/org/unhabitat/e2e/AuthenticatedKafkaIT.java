package org.unhabitat.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unhabitat.devkit.DevTokens;
import org.unhabitat.devkit.KafkaAccess;
import org.unhabitat.devkit.LocalPostgres;
import org.unhabitat.testing.process.KafkaBrokerProcess;
import org.unhabitat.testing.process.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The three services against a broker configured as the cluster's manifests configure Kafka: a login
 * with SASL/SCRAM-SHA-512 for everyone, StandardAuthorizer, and each service's own user with exactly the
 * ACLs of its KafkaUser in deploy/k8s (read from there). Events still flow end to end; a client using
 * one service's credentials for another's topic is refused.
 */
class AuthenticatedKafkaIT {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
    private static final String ISSUER = "https://issuer.e2e-sasl.rm-suite";
    private static final String AUDIENCE = "resource-mobilization-suite";

    private static Path work;
    private static EmbeddedPostgres postgres;
    private static List<KafkaBrokerProcess> brokers;
    private static final Map<String, String> passwords = new LinkedHashMap<>();
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static DevTokens tokens;

    @BeforeAll
    static void startSuiteOnAnAuthenticatingBroker() throws Exception {
        work = Files.createTempDirectory("rm-suite-e2e-sasl");
        postgres = EmbeddedPostgres.builder().start();
        LocalPostgres.createMissingDatabases(postgres, List.of("contributions", "targets", "reporting"));
        String adminPassword = KafkaAccess.passwordIn(work.resolve("secrets/admin.password"));
        brokers = KafkaBrokerProcess.startCluster(ROOT, work.resolve("kafka"), 1, adminPassword);
        Path manifests = ROOT.resolve("deploy/k8s/base/kafka");
        List<KafkaAccess.User> users = KafkaAccess.users(manifests.resolve("users.yaml"));
        for (KafkaAccess.User user : users) {
            passwords.put(user.name(), KafkaAccess.passwordIn(work.resolve("secrets/" + user.name() + ".password")));
        }
        KafkaAccess.apply(bootstrap(), adminPassword, passwords, users, KafkaAccess.topics(manifests.resolve("topics.yaml")));

        DevTokens.writeKeyPair(DevTokens.generateKeyPair(), work.resolve("keys"));
        tokens = DevTokens.fromKeyDirectory(work.resolve("keys"), ISSUER, AUDIENCE);
        for (String service : List.of("targets", "contributions", "reporting")) {
            services.put(service, ServiceProcess.create(ROOT, service, 1, environment(service), work.resolve("logs")).start());
        }
        services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
    }

    private static Map<String, String> environment(String service) {
        String prefix = service.toUpperCase();
        Map<String, String> environment = new HashMap<>(Map.of(
                prefix + "_DB_URL", postgres.getJdbcUrl("postgres", service),
                prefix + "_DB_USER", "postgres",
                prefix + "_DB_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", KafkaAccess.MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", KafkaAccess.jaasConfig(service + "-service", passwords.get(service + "-service")),
                "JWT_ISSUER", ISSUER,
                "JWT_AUDIENCE", AUDIENCE));
        environment.put("JWT_PUBLIC_KEY_LOCATION", work.resolve("keys").resolve(DevTokens.PUBLIC_KEY_FILE).toUri().toString());
        return environment;
    }

    private static String bootstrap() {
        return KafkaBrokerProcess.bootstrapServers(brokers);
    }

    @AfterAll
    static void stopSuite() throws Exception {
        services.values().forEach(ServiceProcess::close);
        if (brokers != null) {
            brokers.forEach(KafkaBrokerProcess::close);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void targetsPublishesAndReportingConsumesEachAsItsOwnUser() {
        given().get(services.get("targets").url() + "/api/v1/plans/2020-2023").then().statusCode(200).body("totalUsd", equalTo("970000000.00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(services.get("reporting").url() + "/api/v1/progress?plan=2020-2023")
                .then().statusCode(200)
                .body("lines.targetUsd", contains("60000000.00", "41000000.00", "262000000.00", "607000000.00")));
    }

    @Test
    void aPledgeCrossesFromContributionsToTheReportsAsContributionsOwnUser() {
        String finance = tokens.mint("finance", null, Duration.ofMinutes(10));
        given().auth().oauth2(finance).contentType("application/json").body("{\"name\":\"Sweden\",\"type\":\"MEMBER_STATE\",\"country\":\"SWE\"}")
                .put(services.get("contributions").url() + "/api/v1/contributors/SWE").then().statusCode(201);
        given().auth().oauth2(finance).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"contributorCode":"SWE","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED","region":"GLOBAL",
                         "currency":"USD","amount":"800000.00","pledgedOn":"2019-03-01","reference":"SASL-E2E"}""")
                .post(services.get("contributions").url() + "/api/v1/pledges").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(services.get("reporting").url() + "/api/v1/progress?year=2019")
                .then().statusCode(200).body("totals.pledgedUsd", equalTo("800000.00")));
    }

    @Test
    void reportingsCredentialsCannotWriteContributionsTopic() {
        try (KafkaProducer<String, String> producer = producer("reporting-service")) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                    new ProducerRecord<>("contributions.events", "forged", "{\"amountUsd\":\"1000000.00\"}")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.toString());
        }
    }

    @Test
    void targetsCredentialsCannotWriteContributionsTopicNorReadIt() {
        try (KafkaProducer<String, String> producer = producer("targets-service")) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                    new ProducerRecord<>("contributions.events", "forged", "{}")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.toString());
        }
        Properties config = client("targets-service");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "targets-service.snoop");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("contributions.events"));
            RuntimeException refused = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 30; i++) {
                    consumer.poll(Duration.ofSeconds(1));
                }
            });
            if (!(refused instanceof TopicAuthorizationException) && !(refused instanceof GroupAuthorizationException)) {
                throw refused;
            }
        }
    }

    @Test
    void aClientWithAWrongPasswordIsNotLetIn() {
        Properties config = client("contributions-service");
        config.put("sasl.jaas.config", KafkaAccess.jaasConfig("contributions-service", "not-its-password"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                    new ProducerRecord<>("contributions.events", "forged", "{}")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());
        }
    }

    private static KafkaProducer<String, String> producer(String user) {
        Properties config = client(user);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private static Properties client(String user) {
        Properties config = new Properties();
        config.putAll(KafkaAccess.clientConfig(bootstrap(), user, passwords.get(user)));
        return config;
    }
}
