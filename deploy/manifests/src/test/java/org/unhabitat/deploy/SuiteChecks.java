package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The references between rendered objects that no schema checks: the API server accepts a Deployment
 * whose ConfigMap does not exist, a Service that selects nothing or an HPA that scales a typo, and the
 * mistake shows only as pods that never start or traffic that never arrives.
 */
final class SuiteChecks {

    /** Keys of the Secret CloudNativePG generates as {@code <cluster>-app}. */
    static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
    /** Keys of the Secret Strimzi's User Operator generates for a SCRAM-SHA-512 KafkaUser, named after it. */
    static final Set<String> STRIMZI_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");
    /** Keys of the Secret {@code <cluster>-cluster-ca-cert} the Strimzi Cluster Operator generates. */
    static final Set<String> STRIMZI_CA_SECRET_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");
    /** Read by the UBI OpenJDK image's run-java.sh rather than by the application. */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_OPTS", "GC_CONTAINER_OPTIONS");

    private final List<ObjectNode> objects;
    private final Map<String, ServiceConfig> services = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private SuiteChecks(List<ObjectNode> objects, Path suiteRoot) {
        this.objects = objects;
        for (String service : ServiceConfig.SERVICES) {
            services.put(service, ServiceConfig.of(suiteRoot, service));
        }
    }

    static List<String> check(List<ObjectNode> objects, Path suiteRoot) {
        SuiteChecks checks = new SuiteChecks(objects, suiteRoot);
        checks.deployments();
        checks.servicesSelectPods();
        checks.autoscalersAndBudgets();
        checks.kafka();
        checks.databases();
        return checks.problems;
    }

    private List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private Optional<ObjectNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private void problem(String message) {
        problems.add(message);
    }

    private void deployments() {
        Set<String> deployed = new HashSet<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            String where = "Deployment " + name(deployment);
            JsonNode spec = deployment.path("spec");
            JsonNode pod = spec.path("template").path("spec");
            if (spec.path("replicas").asInt() < 2) {
                problem(where + ": fewer than 2 replicas");
            }
            if (spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1) != 0) {
                problem(where + ": a rollout may drop capacity (rollingUpdate.maxUnavailable is not 0)");
            }
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                problem(where + ": pods may run as root");
            }
            if (!pod.has("terminationGracePeriodSeconds")) {
                problem(where + ": no terminationGracePeriodSeconds");
            }
            Set<String> volumes = new HashSet<>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.add(volume.path("name").asText());
                referenced(where + " volume " + volume.path("name").asText(), volume.path("configMap").path("name"), "ConfigMap");
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    if (!secretExists(secret.path("secretName").asText())) {
                        problem(where + " volume " + volume.path("name").asText() + ": the Secret " + secret.path("secretName").asText() + " does not exist");
                    }
                    for (JsonNode item : secret.path("items")) {
                        if (!secretKeyExists(secret.path("secretName").asText(), item.path("key").asText())) {
                            problem(where + " volume " + volume.path("name").asText() + ": the missing secret key "
                                    + secret.path("secretName").asText() + "/" + item.path("key").asText());
                        }
                    }
                }
            }
            for (JsonNode container : pod.path("containers")) {
                String in = where + " container " + container.path("name").asText();
                deployed.add(container.path("name").asText());
                container(in, container, volumes);
            }
        }
        for (String service : ServiceConfig.SERVICES) {
            if (!deployed.contains(service)) {
                problem(service + ": no Deployment runs a container of that name");
            }
        }
    }

    private void container(String in, JsonNode container, Set<String> volumes) {
        JsonNode security = container.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean() || security.path("allowPrivilegeEscalation").asBoolean(true)) {
            problem(in + ": needs readOnlyRootFilesystem and no privilege escalation");
        }
        boolean tmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!volumes.contains(mount.path("name").asText())) {
                problem(in + ": mounts the undeclared volume " + mount.path("name").asText());
            }
            tmp |= mount.path("mountPath").asText().equals("/tmp");
        }
        if (!tmp) {
            problem(in + ": a read-only root needs a writable /tmp");
        }
        for (String resource : List.of("cpu", "memory")) {
            JsonNode request = container.path("resources").path("requests").path(resource);
            JsonNode limit = container.path("resources").path("limits").path(resource);
            if (request.isMissingNode() || limit.isMissingNode()) {
                problem(in + ": no " + resource + " request and limit");
            } else if (amount(request).compareTo(amount(limit)) > 0) {
                problem(in + ": " + resource + " request above its limit");
            }
        }
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        for (JsonNode port : container.path("ports")) {
            portNames.add(port.path("name").asText());
            portNumbers.add(port.path("containerPort").asInt());
        }
        probe(in, container.path("livenessProbe"), "/q/health/live", portNames, portNumbers);
        probe(in, container.path("readinessProbe"), "/q/health/ready", portNames, portNumbers);
        probe(in, container.path("startupProbe"), null, portNames, portNumbers);

        ServiceConfig service = services.get(container.path("name").asText());
        if (service != null && !portNumbers.contains(service.httpPort())) {
            problem(in + ": the service listens on " + service.httpPort() + ", not on " + portNumbers);
        }
        Set<String> provided = environment(in, container);
        if (service != null) {
            Set<String> missing = new TreeSet<>(service.requiredVariables());
            missing.removeAll(provided);
            if (!missing.isEmpty()) {
                problem(in + ": required by application.properties but not set: " + missing);
            }
        }
        Set<String> known = new HashSet<>(IMAGE_VARIABLES);
        services.values().forEach(s -> {
            known.addAll(s.requiredVariables());
            known.addAll(s.optionalVariables());
        });
        for (String variable : provided) {
            if (!known.contains(variable) && !variable.startsWith("QUARKUS_")) {
                problem(in + ": sets " + variable + ", which no service reads (a typo?)");
            }
        }
    }

    private void probe(String in, JsonNode probe, String path, Set<String> portNames, Set<Integer> portNumbers) {
        if (probe.isMissingNode()) {
            problem(in + ": no " + (path == null ? "startup" : path) + " probe");
            return;
        }
        JsonNode get = probe.path("httpGet");
        if (path != null && !get.path("path").asText().equals(path)) {
            problem(in + ": probe path " + get.path("path").asText() + " instead of " + path);
        }
        JsonNode port = get.path("port");
        if (port.isTextual() ? !portNames.contains(port.asText()) : !portNumbers.contains(port.asInt())) {
            problem(in + ": a probe targets port " + port + ", which the container does not declare");
        }
    }

    /** The variable names a container receives, after checking that every reference resolves. */
    private Set<String> environment(String in, JsonNode container) {
        Set<String> names = new TreeSet<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                named("ConfigMap", source.path("configMapRef").path("name").asText()).ifPresentOrElse(
                        map -> map.path("data").fieldNames().forEachRemaining(names::add),
                        () -> problem(in + ": envFrom names the missing ConfigMap " + source.path("configMapRef").path("name").asText()));
            } else {
                problem(in + ": envFrom other than a ConfigMap is not checked: " + source);
            }
        }
        for (JsonNode variable : container.path("env")) {
            names.add(variable.path("name").asText());
            JsonNode from = variable.path("valueFrom");
            if (from.has("configMapKeyRef")) {
                String map = from.path("configMapKeyRef").path("name").asText();
                String key = from.path("configMapKeyRef").path("key").asText();
                if (named("ConfigMap", map).map(m -> !m.path("data").has(key)).orElse(true)) {
                    problem(in + ": " + variable.path("name").asText() + " reads the missing " + map + "/" + key);
                }
            } else if (from.has("secretKeyRef")) {
                String secret = from.path("secretKeyRef").path("name").asText();
                String key = from.path("secretKeyRef").path("key").asText();
                if (!secretKeyExists(secret, key)) {
                    problem(in + ": " + variable.path("name").asText() + " reads the missing secret key " + secret + "/" + key);
                }
            }
        }
        return names;
    }

    /**
     * A Secret in the rendered output, or one an operator generates for a rendered object: CloudNativePG
     * for a Cluster, Strimzi for a KafkaUser and for a Kafka cluster's CA.
     */
    private boolean secretKeyExists(String secret, String key) {
        Optional<ObjectNode> rendered = named("Secret", secret);
        if (rendered.isPresent()) {
            return rendered.get().path("data").has(key) || rendered.get().path("stringData").has(key);
        }
        return generatedSecretKeys(secret).contains(key);
    }

    private boolean secretExists(String secret) {
        return named("Secret", secret).isPresent() || !generatedSecretKeys(secret).isEmpty();
    }

    private Set<String> generatedSecretKeys(String secret) {
        if (secret.endsWith("-app") && named("Cluster", secret.substring(0, secret.length() - "-app".length())).isPresent()) {
            return CNPG_APP_SECRET_KEYS;
        }
        if (named("KafkaUser", secret).filter(u -> u.path("spec").path("authentication").path("type").asText().equals("scram-sha-512")).isPresent()) {
            return STRIMZI_USER_SECRET_KEYS;
        }
        if (secret.endsWith("-cluster-ca-cert") && named("Kafka", secret.substring(0, secret.length() - "-cluster-ca-cert".length())).isPresent()) {
            return STRIMZI_CA_SECRET_KEYS;
        }
        return Set.of();
    }

    private void referenced(String where, JsonNode name, String kind) {
        if (!name.isMissingNode() && named(kind, name.asText()).isEmpty()) {
            problem(where + ": the " + kind + " " + name.asText() + " does not exist");
        }
    }

    private void servicesSelectPods() {
        for (ObjectNode service : ofKind("Service")) {
            List<ObjectNode> selected = selected(service.path("spec").path("selector"));
            if (selected.size() != 1) {
                problem("Service " + name(service) + ": selects the pods of " + selected.size() + " Deployments, not 1");
                continue;
            }
            JsonNode container = selected.get(0).path("spec").path("template").path("spec").path("containers").path(0);
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                boolean found = false;
                for (JsonNode declared : container.path("ports")) {
                    found |= target.isTextual() ? declared.path("name").asText().equals(target.asText())
                            : declared.path("containerPort").asInt() == target.asInt();
                }
                if (!found) {
                    problem("Service " + name(service) + ": targetPort " + target + " is not a port of " + name(selected.get(0)));
                }
            }
        }
    }

    /** Deployments whose pod template carries every label of the selector. */
    private List<ObjectNode> selected(JsonNode selector) {
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            boolean all = selector.size() > 0;
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
                all &= labels.path(entry.getKey()).equals(entry.getValue());
            }
            if (all) {
                matches.add(deployment);
            }
        }
        return matches;
    }

    private void autoscalersAndBudgets() {
        for (ObjectNode deployment : ofKind("Deployment")) {
            JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
            if (!selected(selector).equals(List.of(deployment))) {
                problem("Deployment " + name(deployment) + ": its selector also matches other Deployments' pods");
            }
            List<ObjectNode> autoscalers = ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(name(deployment))).toList();
            if (autoscalers.size() != 1) {
                problem("Deployment " + name(deployment) + ": " + autoscalers.size() + " HPAs instead of 1");
            }
            List<ObjectNode> budgets = ofKind("PodDisruptionBudget").stream()
                    .filter(b -> selected(b.path("spec").path("selector").path("matchLabels")).contains(deployment)).toList();
            if (budgets.size() != 1) {
                problem("Deployment " + name(deployment) + ": " + budgets.size() + " PodDisruptionBudgets instead of 1");
            }
        }
        for (ObjectNode autoscaler : ofKind("HorizontalPodAutoscaler")) {
            JsonNode spec = autoscaler.path("spec");
            JsonNode target = spec.path("scaleTargetRef");
            Optional<ObjectNode> deployment = named(target.path("kind").asText(), target.path("name").asText());
            if (deployment.isEmpty() || !target.path("apiVersion").asText().equals(deployment.get().path("apiVersion").asText())) {
                problem("HPA " + name(autoscaler) + ": scales the missing " + target);
                continue;
            }
            int replicas = deployment.get().path("spec").path("replicas").asInt();
            if (spec.path("minReplicas").asInt() < 2 || spec.path("maxReplicas").asInt() < spec.path("minReplicas").asInt()
                    || replicas < spec.path("minReplicas").asInt() || replicas > spec.path("maxReplicas").asInt()) {
                problem("HPA " + name(autoscaler) + ": min " + spec.path("minReplicas") + ", max " + spec.path("maxReplicas")
                        + " and the Deployment's " + replicas + " replicas do not fit together");
            }
        }
        for (ObjectNode budget : ofKind("PodDisruptionBudget")) {
            if (selected(budget.path("spec").path("selector").path("matchLabels")).isEmpty()) {
                problem("PodDisruptionBudget " + name(budget) + ": selects no pods");
            }
        }
    }

    private void kafka() {
        List<ObjectNode> clusters = ofKind("Kafka");
        if (clusters.size() != 1) {
            problem(clusters.size() + " Kafka clusters instead of 1");
            return;
        }
        ObjectNode kafka = clusters.get(0);
        String cluster = name(kafka);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        expect("Kafka " + cluster, config, "default.replication.factor", "3");
        expect("Kafka " + cluster, config, "min.insync.replicas", "2");
        expect("Kafka " + cluster, config, "unclean.leader.election.enable", "false");
        int brokers = 0;
        for (ObjectNode pool : ofKind("KafkaNodePool")) {
            if (!pool.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                problem("KafkaNodePool " + name(pool) + ": not labelled for the cluster " + cluster);
            }
            for (JsonNode role : pool.path("spec").path("roles")) {
                brokers += role.asText().equals("broker") ? pool.path("spec").path("replicas").asInt() : 0;
            }
        }
        if (brokers < 3) {
            problem("Kafka " + cluster + ": " + brokers + " brokers, fewer than the replication factor 3");
        }
        // The clients' bootstrap names an internal listener, with the protocol and mechanism it takes.
        for (ObjectNode map : ofKind("ConfigMap")) {
            JsonNode data = map.path("data");
            JsonNode servers = data.path("KAFKA_BOOTSTRAP_SERVERS");
            if (servers.isMissingNode()) {
                continue;
            }
            JsonNode listener = null;
            for (JsonNode candidate : kafka.path("spec").path("kafka").path("listeners")) {
                if (candidate.path("type").asText().equals("internal")
                        && servers.asText().equals(cluster + "-kafka-bootstrap:" + candidate.path("port").asInt())) {
                    listener = candidate;
                }
            }
            if (listener == null) {
                problem("ConfigMap " + name(map) + ": KAFKA_BOOTSTRAP_SERVERS " + servers.asText() + " is no internal listener of " + cluster);
                continue;
            }
            String protocol = (listener.path("authentication").isMissingNode() ? "" : "SASL_")
                    + (listener.path("tls").asBoolean() ? "SSL" : "PLAINTEXT");
            if (!data.path("KAFKA_SECURITY_PROTOCOL").asText("PLAINTEXT").equals(protocol)) {
                problem("ConfigMap " + name(map) + ": KAFKA_SECURITY_PROTOCOL is " + data.path("KAFKA_SECURITY_PROTOCOL").asText("unset")
                        + ", but the listener " + listener.path("name").asText() + " takes " + protocol);
            }
            String mechanism = listener.path("authentication").path("type").asText().toUpperCase();
            if (!mechanism.isEmpty() && !data.path("KAFKA_SASL_MECHANISM").asText().equals(mechanism)) {
                problem("ConfigMap " + name(map) + ": KAFKA_SASL_MECHANISM is not " + mechanism);
            }
        }
        Map<String, Integer> partitions = new HashMap<>();
        for (ObjectNode topic : ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String topicName = spec.path("topicName").asText(name(topic));
            partitions.put(topicName, spec.path("partitions").asInt());
            if (!topic.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                problem("KafkaTopic " + topicName + ": not labelled for the cluster " + cluster);
            }
            if (spec.path("replicas").asInt() != 3 || spec.path("replicas").asInt() > brokers) {
                problem("KafkaTopic " + topicName + ": replicas must be 3, on as many brokers");
            }
        }
        for (ServiceConfig service : services.values()) {
            for (String topic : union(service.producedTopics(), service.consumedTopics())) {
                if (!partitions.containsKey(topic)) {
                    problem(service.service() + " uses the topic " + topic + ", which no KafkaTopic declares");
                }
            }
            // One consumer group per topic: replicas beyond the partition count get no partition. That bounds a
            // service whose work is consuming; one that serves writes (it relays an outbox) scales with its
            // requests, and a replica beyond the partitions only idles in its consumer group.
            if (service.relaysAnOutbox()) {
                continue;
            }
            int bound = service.consumedTopics().stream().mapToInt(t -> partitions.getOrDefault(t, 0)).min().orElse(Integer.MAX_VALUE);
            named("HorizontalPodAutoscaler", service.service()).ifPresent(hpa -> {
                if (hpa.path("spec").path("maxReplicas").asInt() > bound) {
                    problem("HPA " + service.service() + ": maxReplicas " + hpa.path("spec").path("maxReplicas")
                            + " exceeds the " + bound + " partitions its consumer groups can share");
                }
            });
        }
    }

    private void expect(String where, JsonNode config, String key, String value) {
        if (!config.path(key).asText().equals(value)) {
            problem(where + ": " + key + " is " + config.path(key) + ", not " + value);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Each service's JDBC URL points at its own Cluster's primary, with that Cluster's credentials. */
    private void databases() {
        Map<String, String> clusterByService = new HashMap<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                String service = container.path("name").asText();
                String prefix = service.replace("-service", "").toUpperCase() + "_DB_";
                String url = null;
                for (JsonNode source : container.path("envFrom")) {
                    JsonNode value = named("ConfigMap", source.path("configMapRef").path("name").asText())
                            .map(m -> m.path("data").path(prefix + "URL")).orElse(null);
                    if (value != null && !value.isMissingNode()) {
                        url = value.asText();
                    }
                }
                if (url == null) {
                    continue;
                }
                String host = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[:/].*$", "");
                String database = url.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
                String cluster = host.replaceFirst("-rw$", "");
                Optional<ObjectNode> owner = named("Cluster", cluster);
                if (!host.endsWith("-rw") || owner.isEmpty()) {
                    problem(service + ": " + url + " is not the primary (-rw) Service of a CNPG Cluster");
                    continue;
                }
                if (!owner.get().path("spec").path("bootstrap").path("initdb").path("database").asText().equals(database)) {
                    problem(service + ": the Cluster " + cluster + " does not create the database " + database);
                }
                for (JsonNode variable : container.path("env")) {
                    String secret = variable.path("valueFrom").path("secretKeyRef").path("name").asText();
                    if (variable.path("name").asText().startsWith(prefix) && !secret.isEmpty() && !secret.equals(cluster + "-app")) {
                        problem(service + ": " + variable.path("name").asText() + " comes from " + secret + ", not " + cluster + "-app");
                    }
                }
                String previous = clusterByService.put(service, cluster);
                if (previous != null && !previous.equals(cluster)) {
                    problem(service + ": two database clusters");
                }
            }
        }
        if (new HashSet<>(clusterByService.values()).size() != clusterByService.size()) {
            problem("services share a database cluster: " + clusterByService);
        }
    }

    private static BigDecimal amount(JsonNode quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity.asText()));
    }
}
