package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KustomizeOverlaysTest {

    private static final Path K8S = Suite.ROOT.resolve("deploy/k8s");

    @Test
    @DisplayName("every YAML file under deploy/ parses")
    void everyYamlFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Suite.ROOT.resolve("deploy"))) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/data/")).toList();
        }
        assertTrue(files.size() > 10, "found " + files);
        files.forEach(Yaml::documents);
    }

    @ParameterizedTest(name = "the {0} kustomization renders and every object matches its typed model")
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void everyObjectMatchesItsTypedModel(String kustomization) {
        List<ObjectNode> objects = Kustomize.render(K8S.resolve(kustomization));
        assertEquals(List.of(), ModelValidator.validate(objects));
        assertEquals(37, objects.size(), "3 x 5 per service, a shared ConfigMap, Kafka with 2 pools, 4 topics and 3 users,"
                + " 3 databases, 7 NetworkPolicies and an Ingress");
    }

    @ParameterizedTest(name = "in {0}, references resolve, probes and resources are set and every required variable is provided")
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void referencesResolve(String kustomization) {
        assertEquals(List.of(), SuiteChecks.check(Kustomize.render(K8S.resolve(kustomization)), Suite.ROOT));
    }

    @ParameterizedTest(name = "in {0}, Kafka requires each service's own user with least privilege, NetworkPolicies deny by default and the Ingress serves only API ports over TLS")
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void trustAroundTheServicesIsClosed(String kustomization) {
        assertEquals(List.of(), SecurityChecks.check(Kustomize.render(K8S.resolve(kustomization)), Suite.ROOT));
    }

    @ParameterizedTest(name = "the {0} overlay puts everything in namespace {1} and pins the images to tag {2}")
    @CsvSource({"staging, rm-suite-staging, 1.0.0-SNAPSHOT", "production, rm-suite, 1.0.0"})
    void overlaysSetNamespaceAndImages(String overlay, String namespace, String tag) {
        List<ObjectNode> objects = Kustomize.render(K8S.resolve("overlays/" + overlay));
        for (ObjectNode object : objects) {
            assertEquals(namespace, object.path("metadata").path("namespace").asText(), ModelValidator.nameOf(object));
        }
        for (JsonNode image : objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                .map(d -> d.path("spec").path("template").path("spec").path("containers").path(0).path("image")).toList()) {
            assertTrue(image.asText().endsWith(":" + tag) && image.asText().contains("/rm-suite/"), image.asText());
        }
    }

    @Test
    @DisplayName("production runs more replicas and scales further than staging")
    void productionIsLargerThanStaging() {
        List<ObjectNode> staging = Kustomize.render(K8S.resolve("overlays/staging"));
        List<ObjectNode> production = Kustomize.render(K8S.resolve("overlays/production"));
        for (String service : ServiceConfig.SERVICES) {
            assertTrue(field(production, "Deployment", service, "replicas") > field(staging, "Deployment", service, "replicas"), service);
            assertTrue(field(production, "HorizontalPodAutoscaler", service, "maxReplicas")
                    > field(staging, "HorizontalPodAutoscaler", service, "maxReplicas"), service);
        }
    }

    private static int field(List<ObjectNode> objects, String kind, String name, String field) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow().path("spec").path(field).asInt();
    }

    @ParameterizedTest(name = "the renderer agrees with kubectl kustomize on {0}, where kubectl is installed")
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void rendererAgreesWithKubectl(String kustomization) throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed; CI relies on the renderer alone");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve(kustomization).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "kubectl kustomize failed");
        Path rendered = Files.createTempFile("kubectl-kustomize", ".yaml");
        try {
            Files.writeString(rendered, output);
            assertEquals(canonical(Yaml.documents(rendered)), canonical(Kustomize.render(K8S.resolve(kustomization))));
        } finally {
            Files.delete(rendered);
        }
    }

    /** Order-independent, since kubectl sorts by kind; Jackson's trees compare by value. */
    private static List<JsonNode> canonical(List<ObjectNode> objects) {
        List<JsonNode> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing(ModelValidator::nameOf));
        return sorted;
    }

    // A validator that never fails proves nothing: each broken copy below must be refused, for its reason.

    @ParameterizedTest(name = "a broken copy with {0} is refused")
    @CsvSource(delimiter = '|', value = {
            "a misspelt probe field|base/targets-service.yaml|              path: /q/health/ready|              paht: /q/health/ready|paht",
            "a misspelt resource field|base/reporting-service.yaml|          resources:|          resourcs:|resourcs",
            "a string where an integer belongs|base/contributions-service.yaml|            periodSeconds: 10|            periodSeconds: \"10\"|periodSeconds",
            "a misspelt Strimzi field|base/kafka/kafka.yaml|    config:|    confg:|confg",
            "a misspelt Strimzi topic field|base/kafka/topics.yaml|  partitions: 6|  partitons: 6|partitons",
            "a misspelt CNPG Cluster field|base/postgres/clusters.yaml|  instances: 3|  instance: 3|instance",
            "an unquoted ConfigMap value|base/suite-config.yaml|  HTTP_PROXY_FORWARDING: \"true\"|  HTTP_PROXY_FORWARDING: true|HTTP_PROXY_FORWARDING",
    })
    void brokenModelIsRefused(String what, String file, String from, String to, String reason, @TempDir Path copy) throws IOException {
        List<String> problems = ModelValidator.validate(Kustomize.render(broken(copy, file, from, to).resolve("overlays/production")));
        assertTrue(problems.stream().anyMatch(p -> p.contains(reason)), what + " was not refused: " + problems);
    }

    @ParameterizedTest(name = "a broken copy with {0} fails the cross-reference checks")
    @CsvSource(delimiter = '|', value = {
            "a required variable missing|base/suite-config.yaml|  KAFKA_BOOTSTRAP_SERVERS:|  KAFKA_BOOTSTRAP_SERVER:|[KAFKA_BOOTSTRAP_SERVERS]",
            "a readiness probe on the liveness path|base/targets-service.yaml|              path: /q/health/ready|              path: /q/health/live|instead of /q/health/ready",
            "a secret of another database|base/reporting-service.yaml|                  name: reporting-db-app|                  name: targets-db-app|not reporting-db-app",
            "an HPA scaling a missing Deployment|base/contributions-service.yaml|    name: contributions-service\\n  minReplicas|    name: contribution-service\\n  minReplicas|scales the missing",
            "reporting scaled past its partitions|base/kafka/topics.yaml|  topicName: targets.events\\n  partitions: 6|  topicName: targets.events\\n  partitions: 4|exceeds the 4 partitions",
            "a misspelt image variable|base/targets-service.yaml|GC_CONTAINER_OPTIONS|GC_CONTAINER_OPTION|which no service reads",
    })
    void brokenReferenceIsRefused(String what, String file, String from, String to, String reason, @TempDir Path copy) throws IOException {
        List<String> problems = SuiteChecks.check(
                Kustomize.render(broken(copy, file, from.replace("\\n", "\n"), to.replace("\\n", "\n")).resolve("overlays/production")),
                Suite.ROOT);
        assertTrue(problems.stream().anyMatch(p -> p.contains(reason)), what + " was not refused: " + problems);
    }

    @ParameterizedTest(name = "a broken copy with {0} fails the security checks")
    @CsvSource(delimiter = '|', value = {
            "a Kafka listener without authentication|base/kafka/kafka.yaml|        authentication:\\n          type: scram-sha-512\\n        networkPolicyPeers:|        networkPolicyPeers:|accepts clients without authentication",
            "a Kafka listener open to every pod|base/kafka/kafka.yaml|        networkPolicyPeers:|        networkPolicyPeer:|reachable from every pod",
            "Kafka without ACLs|base/kafka/kafka.yaml|    authorization:\\n      type: simple|    authorization:\\n      type: custom|no simple authorization",
            "a service without its KafkaUser|base/kafka/users.yaml|  name: targets-service\\n|  name: targets-svc\\n|runs without its KafkaUser targets-service",
            "a service using another's credentials|base/reporting-service.yaml|                  name: reporting-service\\n                  key: sasl.jaas.config|                  name: contributions-service\\n                  key: sasl.jaas.config|does not come from its KafkaUser's Secret reporting-service",
            "reporting allowed to write a producer's topic|base/kafka/users.yaml|          name: contributions.events\\n          patternType: literal\\n        operations: [Read, Describe]|          name: contributions.events\\n          patternType: literal\\n        operations: [Read, Write, Describe]|topic contributions.events (literal) [Describe, Read, Write] is wider",
            "a topic ACL by prefix|base/kafka/users.yaml|          name: targets.events\\n          patternType: literal\\n        operations: [Write, Describe]|          name: targets.\\n          patternType: prefix\\n        operations: [Write, Describe]|topic targets. (prefix) [Describe, Write] is wider",
            "every consumer group|base/kafka/users.yaml|          name: reporting-service.\\n          patternType: prefix|          name: \"*\"\\n          patternType: literal|group * (literal) [Describe, Read] is wider",
            "a cluster-wide ACL|base/kafka/users.yaml|          type: group\\n          name: contributions-service.|          type: cluster\\n          name: contributions-service.|cluster contributions-service. (prefix) [Describe, Read] is wider",
            "a namespace without NetworkPolicies|base/kustomization.yaml|  - network-policies.yaml\\n  - ingress.yaml|  - ingress.yaml|has no NetworkPolicies",
            "no default deny|base/network-policies.yaml|  name: default-deny-ingress\\nspec:\\n  podSelector: {}|  name: default-deny-ingress\\nspec:\\n  podSelector:\\n    matchLabels:\\n      app.kubernetes.io/name: targets-service|no default-deny NetworkPolicy",
            "the management port open beyond monitoring|base/network-policies.yaml|kubernetes.io/metadata.name: monitoring|kubernetes.io/metadata.name: ingress-nginx|not only to the namespace monitoring",
            "a database reachable from another service|base/network-policies.yaml|              app.kubernetes.io/name: reporting-service\\n        - podSelector:\\n            matchLabels:\\n              cnpg.io/cluster: reporting-db|              app.kubernetes.io/name: targets-service\\n        - podSelector:\\n            matchLabels:\\n              cnpg.io/cluster: reporting-db|neither reporting-service nor its own instances",
            "an Ingress to the management port|base/ingress.yaml|                name: reporting-service\\n                port:\\n                  name: http|                name: reporting-service\\n                port:\\n                  number: 9083|not its API port",
            "an Ingress host without TLS|base/ingress.yaml|        - targets.REPLACE-domain.example.org\\n        - reporting|        - reporting|targets.REPLACE-domain.example.org is served without TLS",
    })
    void brokenSecurityIsRefused(String what, String file, String from, String to, String reason, @TempDir Path copy) throws IOException {
        List<String> problems = SecurityChecks.check(
                Kustomize.render(broken(copy, file, from.replace("\\n", "\n"), to.replace("\\n", "\n"))
                        .resolve("overlays/production")), Suite.ROOT);
        assertTrue(problems.stream().anyMatch(p -> p.contains(reason)), what + " was not refused: " + problems);
    }

    @Test
    @DisplayName("a kustomization using a feature the renderer does not implement is refused, not half-rendered")
    void unsupportedKustomizeFeatureIsRefused(@TempDir Path copy) throws IOException {
        Path root = broken(copy, "overlays/staging/kustomization.yaml", "patches:", "configMapGenerator: []\npatches:");
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Kustomize.render(root.resolve("overlays/staging")));
        assertTrue(refused.getMessage().contains("configMapGenerator"), refused.getMessage());
    }

    /** A copy of deploy/k8s with one edit, which must change the file. */
    private static Path broken(Path copy, String file, String from, String to) throws IOException {
        try (Stream<Path> walk = Files.walk(K8S)) {
            for (Path source : walk.toList()) {
                Path target = copy.resolve(K8S.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path edited = copy.resolve(file);
        String text = Files.readString(edited);
        assertTrue(text.contains(from), file + " no longer contains " + from);
        Files.writeString(edited, text.replace(from, to));
        return copy;
    }

    @Test
    @DisplayName("the config keys each service requires are derived from its application.properties")
    void requiredKeysAreDerived() {
        Set<String> required = ServiceConfig.SERVICES.stream()
                .flatMap(s -> ServiceConfig.of(Suite.ROOT, s).requiredVariables().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(required.containsAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION",
                "CONTRIBUTIONS_DB_URL", "TARGETS_DB_PASSWORD", "REPORTING_DB_USER")), required.toString());
    }
}
