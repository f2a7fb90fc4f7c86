package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Trust around the services, which no schema checks: only the suite's services reach Kafka, each
 * authenticated as itself and allowed no more than it needs; each database is reached only by its own
 * service; the public reaches only the API ports, over TLS; the management ports only from monitoring;
 * and every namespace denies what no policy allows.
 */
final class SecurityChecks {

    /** The topics a service may write and read in Kafka, and nothing else. */
    record Access(Set<String> writes, Set<String> reads) {
    }

    /**
     * Least privilege, as issue-level policy rather than derived from the code: a service whose
     * configuration asks for more than this is refused too.
     */
    static final Map<String, Access> LEAST_PRIVILEGE = Map.of(
            // contributions reads its own events back to fan them out to webhooks, so that none announces a rollback.
            "contributions-service", new Access(Set.of("contributions.events", "contributions.dead-letter"),
                    Set.of("targets.events", "contributions.events")),
            "targets-service", new Access(Set.of("targets.events"), Set.of()),
            "reporting-service", new Access(Set.of("reporting.dead-letter"), Set.of("contributions.events", "targets.events")));
    static final Set<String> WRITE_OPERATIONS = Set.of("Write", "Describe");
    static final Set<String> READ_OPERATIONS = Set.of("Read", "Describe");

    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";
    static final String CNPG_OPERATOR_NAMESPACE = "cnpg-system";
    static final String CNPG_OPERATOR_POD = "cloudnative-pg";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

    private final List<ObjectNode> objects;
    private final Map<String, ServiceConfig> services = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private SecurityChecks(List<ObjectNode> objects, Path suiteRoot) {
        this.objects = objects;
        for (String service : ServiceConfig.SERVICES) {
            services.put(service, ServiceConfig.of(suiteRoot, service));
        }
    }

    static List<String> check(List<ObjectNode> objects, Path suiteRoot) {
        SecurityChecks checks = new SecurityChecks(objects, suiteRoot);
        checks.kafkaListeners();
        checks.kafkaUsers();
        checks.defaultDenyPerNamespace();
        checks.policyRulesAreBounded();
        checks.servicePorts();
        checks.databases();
        checks.ingress();
        return checks.problems;
    }

    // --- Kafka ----------------------------------------------------------------------------------------

    private void kafkaListeners() {
        for (ObjectNode kafka : ofKind("Kafka")) {
            String where = "Kafka " + name(kafka);
            JsonNode spec = kafka.path("spec").path("kafka");
            if (!spec.path("authorization").path("type").asText().equals("simple")) {
                problems.add(where + ": no simple authorization, so every authenticated client may do anything");
            }
            for (JsonNode listener : spec.path("listeners")) {
                String in = where + " listener " + listener.path("name").asText();
                if (listener.path("authentication").path("type").asText().isEmpty()) {
                    problems.add(in + ": accepts clients without authentication");
                }
                Set<String> peers = new TreeSet<>();
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    if (peer.size() != 1 || peer.path("podSelector").path("matchLabels").size() != 1
                            || !peer.path("podSelector").path("matchLabels").has(NAME_LABEL)) {
                        problems.add(in + ": a network peer other than one of the services' pods: " + peer);
                    } else {
                        peers.add(peer.path("podSelector").path("matchLabels").path(NAME_LABEL).asText());
                    }
                }
                if (!peers.equals(new TreeSet<>(ServiceConfig.SERVICES))) {
                    problems.add(in + ": reachable from " + (peers.isEmpty() ? "every pod" : peers) + ", not only from the services");
                }
            }
        }
    }

    private void kafkaUsers() {
        String cluster = ofKind("Kafka").stream().findFirst().map(SecurityChecks::name).orElse("");
        Set<String> listenerAuthentication = new HashSet<>();
        ofKind("Kafka").forEach(k -> k.path("spec").path("kafka").path("listeners")
                .forEach(l -> listenerAuthentication.add(l.path("authentication").path("type").asText())));
        for (ObjectNode user : ofKind("KafkaUser")) {
            if (!LEAST_PRIVILEGE.containsKey(name(user))) {
                problems.add("KafkaUser " + name(user) + ": belongs to no service");
            }
        }
        for (Map.Entry<String, Access> entry : LEAST_PRIVILEGE.entrySet()) {
            String service = entry.getKey();
            Optional<ObjectNode> found = named("KafkaUser", service);
            if (found.isEmpty()) {
                problems.add(service + ": runs without its KafkaUser " + service);
                continue;
            }
            ObjectNode user = found.get();
            String where = "KafkaUser " + service;
            if (!user.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                problems.add(where + ": not labelled for the cluster " + cluster);
            }
            String authentication = user.path("spec").path("authentication").path("type").asText();
            if (!listenerAuthentication.contains(authentication)) {
                problems.add(where + ": authenticates with " + authentication + ", which no listener takes");
            }
            if (!user.path("spec").path("authorization").path("type").asText().equals("simple")) {
                problems.add(where + ": no simple authorization, so no ACL limits it");
            }
            acls(where, service, entry.getValue(), user.path("spec").path("authorization").path("acls"));
            credentialsFromTheUsersSecret(service);
        }
    }

    private void acls(String where, String service, Access access, JsonNode acls) {
        Set<String> written = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        List<JsonNode> groups = new ArrayList<>();
        for (JsonNode acl : acls) {
            JsonNode resource = acl.path("resource");
            String type = resource.path("type").asText();
            String name = resource.path("name").asText();
            String pattern = resource.path("patternType").asText("literal");
            Set<String> operations = operations(acl);
            String described = type + " " + name + " (" + pattern + ") " + operations;
            if (!acl.path("host").asText("*").equals("*") || acl.path("type").asText("allow").equals("deny")) {
                problems.add(where + ": only allow rules for any host are checked, not " + described);
            }
            switch (type) {
                case "topic" -> {
                    Set<String> allowed = new TreeSet<>();
                    if (access.writes().contains(name)) {
                        allowed.addAll(WRITE_OPERATIONS);
                    }
                    if (access.reads().contains(name)) {
                        allowed.addAll(READ_OPERATIONS);
                    }
                    if (!pattern.equals("literal") || allowed.isEmpty() || !allowed.containsAll(operations)) {
                        problems.add(where + ": the ACL " + described + " is wider than least privilege");
                    }
                    if (pattern.equals("literal") && operations.contains("Write")) {
                        written.add(name);
                    }
                    if (pattern.equals("literal") && operations.contains("Read")) {
                        read.add(name);
                    }
                }
                case "group" -> {
                    boolean own = pattern.equals("prefix") ? name.equals(service + ".")
                            : pattern.equals("literal") && name.startsWith(service + ".");
                    if (!own || !READ_OPERATIONS.containsAll(operations)) {
                        problems.add(where + ": the ACL " + described + " is wider than least privilege (groups are "
                                + service + ".*, Read and Describe)");
                    } else {
                        groups.add(resource);
                    }
                }
                default -> problems.add(where + ": the ACL " + described + " is wider than least privilege");
            }
        }
        ServiceConfig config = services.get(service);
        Set<String> needed = new TreeSet<>(config.producedTopics());
        needed.removeAll(access.writes());
        Set<String> neededReads = new TreeSet<>(config.consumedTopics());
        neededReads.removeAll(access.reads());
        if (!needed.isEmpty() || !neededReads.isEmpty()) {
            problems.add(service + ": its application.properties uses " + needed + neededReads + " beyond its least privilege");
        }
        if (!written.containsAll(access.writes())) {
            problems.add(where + ": may not write " + access.writes() + ", which it publishes to");
        }
        if (!read.containsAll(access.reads())) {
            problems.add(where + ": may not read " + access.reads() + ", which it consumes");
        }
        for (String group : config.consumerGroups()) {
            boolean covered = groups.stream().anyMatch(g -> g.path("patternType").asText().equals("prefix")
                    ? group.startsWith(g.path("name").asText()) : group.equals(g.path("name").asText()));
            if (!covered) {
                problems.add(where + ": may not use its consumer group " + group);
            }
        }
    }

    private static Set<String> operations(JsonNode acl) {
        Set<String> operations = new TreeSet<>();
        acl.path("operations").forEach(operation -> operations.add(operation.asText()));
        if (acl.has("operation")) {
            operations.add(acl.path("operation").asText());
        }
        return operations;
    }

    private void credentialsFromTheUsersSecret(String service) {
        named("Deployment", service).ifPresent(deployment -> {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                boolean fromItsUser = false;
                for (JsonNode variable : container.path("env")) {
                    JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                    fromItsUser |= variable.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")
                            && secret.path("name").asText().equals(service) && secret.path("key").asText().equals("sasl.jaas.config");
                }
                if (!fromItsUser) {
                    problems.add(service + ": KAFKA_SASL_JAAS_CONFIG does not come from its KafkaUser's Secret " + service);
                }
            }
        });
    }

    // --- NetworkPolicies ----------------------------------------------------------------------------

    private void defaultDenyPerNamespace() {
        Set<String> namespaces = new TreeSet<>();
        objects.forEach(o -> namespaces.add(namespace(o)));
        for (String namespace : namespaces) {
            List<ObjectNode> policies = ofKind("NetworkPolicy").stream().filter(p -> namespace(p).equals(namespace)).toList();
            String where = "namespace " + (namespace.isEmpty() ? "(none: the base)" : namespace);
            if (policies.isEmpty()) {
                problems.add(where + ": has no NetworkPolicies");
                continue;
            }
            boolean denies = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").size() == 0
                    && types(p).contains("Ingress") && p.path("spec").path("ingress").isEmpty());
            if (!denies) {
                problems.add(where + ": no default-deny NetworkPolicy (empty podSelector, Ingress, no rules)");
            }
        }
    }

    private void policyRulesAreBounded() {
        for (ObjectNode policy : ofKind("NetworkPolicy")) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (rule.path("from").isEmpty()) {
                    problems.add("NetworkPolicy " + name(policy) + ": a rule admits every source");
                }
                if (rule.path("ports").isEmpty()) {
                    problems.add("NetworkPolicy " + name(policy) + ": a rule opens every port");
                }
            }
        }
    }

    /** The services' pods: the API port from the ingress controller, the management port from monitoring, nothing else. */
    private void servicePorts() {
        for (String service : ServiceConfig.SERVICES) {
            Optional<ObjectNode> deployment = named("Deployment", service);
            if (deployment.isEmpty()) {
                continue;
            }
            JsonNode pod = deployment.get().path("spec").path("template");
            Map<String, Integer> containerPorts = new HashMap<>();
            pod.path("spec").path("containers").path(0).path("ports")
                    .forEach(p -> containerPorts.put(p.path("name").asText(), p.path("containerPort").asInt()));
            ServiceConfig config = services.get(service);
            Map<Integer, String> allowedFrom = Map.of(config.httpPort(), INGRESS_CONTROLLER_NAMESPACE,
                    config.managementPort(), MONITORING_NAMESPACE);
            Set<Integer> opened = new TreeSet<>();
            for (ObjectNode policy : selecting(pod.path("metadata").path("labels"), namespace(deployment.get()))) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    for (JsonNode port : rule.path("ports")) {
                        int number = port.path("port").isInt() ? port.path("port").asInt()
                                : containerPorts.getOrDefault(port.path("port").asText(), -1);
                        opened.add(number);
                        String namespace = allowedFrom.get(number);
                        if (namespace == null) {
                            problems.add(service + ": NetworkPolicy " + name(policy) + " opens port " + port.path("port")
                                    + ", neither its API port nor its management port");
                            continue;
                        }
                        for (JsonNode peer : rule.path("from")) {
                            if (peer.size() != 1 || !peer.path("namespaceSelector").path("matchLabels")
                                    .equals(json(Map.of(NAMESPACE_LABEL, namespace)))) {
                                problems.add(service + ": NetworkPolicy " + name(policy) + " opens port " + number
                                        + " to " + peer + ", not only to the namespace " + namespace);
                            }
                        }
                    }
                }
            }
            if (!opened.contains(config.httpPort())) {
                problems.add(service + ": no NetworkPolicy lets the ingress controller reach its API port");
            }
        }
    }

    /** Each CNPG Cluster's pods: from its own service, its own instances and the operator only. */
    private void databases() {
        for (ObjectNode cluster : ofKind("Cluster")) {
            String database = name(cluster);
            String owner = ownerOf(database);
            List<ObjectNode> policies = selecting(json(Map.of("cnpg.io/cluster", database)), namespace(cluster));
            if (policies.isEmpty()) {
                problems.add("the database " + database + ": no NetworkPolicy selects its pods");
            }
            for (ObjectNode policy : policies) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        boolean ownService = peer.size() == 1 && owner != null
                                && peer.path("podSelector").path("matchLabels").equals(json(Map.of(NAME_LABEL, owner)));
                        boolean ownInstances = peer.size() == 1
                                && peer.path("podSelector").path("matchLabels").equals(json(Map.of("cnpg.io/cluster", database)));
                        boolean operator = peer.size() == 2
                                && peer.path("namespaceSelector").path("matchLabels").equals(json(Map.of(NAMESPACE_LABEL, CNPG_OPERATOR_NAMESPACE)))
                                && peer.path("podSelector").path("matchLabels").equals(json(Map.of(NAME_LABEL, CNPG_OPERATOR_POD)));
                        if (!ownService && !ownInstances && !operator) {
                            problems.add("the database " + database + ": NetworkPolicy " + name(policy) + " admits " + peer
                                    + ", which is neither " + owner + " nor its own instances nor the CNPG operator");
                        }
                    }
                }
            }
        }
    }

    /** The service whose JDBC URL names the Cluster's primary. */
    private String ownerOf(String database) {
        for (ObjectNode map : ofKind("ConfigMap")) {
            for (String service : ServiceConfig.SERVICES) {
                String key = service.replace("-service", "").toUpperCase() + "_DB_URL";
                if (map.path("data").path(key).asText().contains("//" + database + "-rw:")) {
                    return service;
                }
            }
        }
        return null;
    }

    // --- Ingress --------------------------------------------------------------------------------------

    private void ingress() {
        Set<String> exposed = new TreeSet<>();
        for (ObjectNode ingress : ofKind("Ingress")) {
            String where = "Ingress " + name(ingress);
            Set<String> tlsHosts = new HashSet<>();
            ingress.path("spec").path("tls").forEach(tls -> tls.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                String host = rule.path("host").asText();
                if (!tlsHosts.contains(host)) {
                    problems.add(where + ": " + (host.isEmpty() ? "a rule without a host" : host) + " is served without TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    String service = backend.path("name").asText();
                    exposed.add(service);
                    if (!apiPortOf(service, backend.path("port"))) {
                        problems.add(where + ": " + host + path.path("path").asText() + " reaches " + service + " on "
                                + backend.path("port") + ", not its API port");
                    }
                }
            }
        }
        for (ObjectNode service : ofKind("Service")) {
            ServiceConfig config = services.get(name(service));
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                if (config != null && (target.asText().equals("management") || target.asInt() == config.managementPort())) {
                    problems.add("Service " + name(service) + ": exposes the management port");
                }
            }
        }
        if (!exposed.containsAll(ServiceConfig.SERVICES)) {
            problems.add("no Ingress with TLS serves " + ServiceConfig.SERVICES.stream().filter(s -> !exposed.contains(s)).toList());
        }
    }

    /** Whether the Service's port (by name or number) forwards to the container's API port. */
    private boolean apiPortOf(String serviceName, JsonNode port) {
        ServiceConfig config = services.get(serviceName);
        Optional<ObjectNode> service = named("Service", serviceName);
        if (config == null || service.isEmpty()) {
            return false;
        }
        for (JsonNode declared : service.get().path("spec").path("ports")) {
            boolean chosen = port.has("name") ? declared.path("name").asText().equals(port.path("name").asText())
                    : declared.path("port").asInt() == port.path("number").asInt();
            JsonNode target = declared.path("targetPort");
            if (chosen) {
                return target.isTextual() ? target.asText().equals("http") : target.asInt() == config.httpPort();
            }
        }
        return false;
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** The NetworkPolicies of that namespace whose podSelector matches those labels. */
    private List<ObjectNode> selecting(JsonNode labels, String namespace) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode policy : ofKind("NetworkPolicy")) {
            JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
            if (!namespace(policy).equals(namespace) || selector.isEmpty() || !types(policy).contains("Ingress")) {
                continue;
            }
            boolean all = true;
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
                all &= labels.path(entry.getKey()).equals(entry.getValue());
            }
            if (all) {
                matching.add(policy);
            }
        }
        return matching;
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new HashSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
        }
        return types;
    }

    private static JsonNode json(Map<String, String> map) {
        return Yaml.MAPPER.valueToTree(map);
    }

    private List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private Optional<ObjectNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }
}
