package org.unhabitat.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each rendered object against a typed model: the fabric8 Kubernetes model for core kinds,
 * Strimzi's own API classes for Kafka, and a hand-written description of the CloudNativePG fields the
 * manifests use (CNPG publishes no Java model on Maven Central). Both typed models keep unknown fields
 * in an "additionalProperties" map instead of failing, so a misspelt field is found by walking the
 * parsed object for any non-empty one.
 */
final class ModelValidator {

    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));
    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    /** Strict about types too: "3" is not an int, as the API server would also say. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ModelValidator() {
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static String nameOf(JsonNode object) {
        return typeOf(object) + " " + object.path("metadata").path("name").asText();
    }

    static List<String> validate(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            String type = typeOf(object);
            if (object.path("metadata").path("name").asText().isEmpty()) {
                problems.add(type + ": no metadata.name");
            }
            if (type.equals("v1/ConfigMap")) {
                object.path("data").fields().forEachRemaining(entry -> {
                    if (!entry.getValue().isTextual()) {
                        problems.add(nameOf(object) + ": data." + entry.getKey() + " must be a string; quote it");
                    }
                });
            }
            if (type.equals(CNPG_CLUSTER)) {
                problems.addAll(CnpgCluster.validate(object));
                continue;
            }
            Class<?> model = TYPES.get(type);
            if (model == null) {
                problems.add(nameOf(object) + ": no model to validate this kind against");
                continue;
            }
            try {
                Object typed = STRICT.treeToValue(object, model);
                unknownFields(typed, nameOf(object), problems);
            } catch (JsonMappingException e) {
                problems.add(nameOf(object) + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
            } catch (JsonProcessingException e) {
                problems.add(nameOf(object) + ": " + e.getOriginalMessage());
            }
        }
        return problems;
    }

    /** Every model object reachable from {@code value}, with a non-empty map of fields the model lacks. */
    static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum || value instanceof Quantity) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> unknownFields(element, path + "." + key, problems));
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8") && !packageName.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else if (!IGNORED_GETTERS.contains(getter.getName())) {
                unknownFields(property, path + "." + propertyName(getter.getName()), problems);
            }
        }
    }

    /** Derived views, not fields: following them would revisit or compute rather than inspect. */
    private static final Set<String> IGNORED_GETTERS = Set.of("getClass", "getFullResourceName", "getPlural",
            "getSingular", "getCRDName", "getScope", "getKind", "getApiVersion", "getGroup", "getVersion");

    private static String propertyName(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    /** The CloudNativePG Cluster fields the manifests use, with their types; any other field is refused. */
    static final class CnpgCluster {

        private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
        private static final Set<String> SPEC = Set.of("instances", "imageName", "primaryUpdateStrategy",
                "postgresql", "bootstrap", "storage", "affinity", "resources");

        private CnpgCluster() {
        }

        static List<String> validate(ObjectNode cluster) {
            String name = nameOf(cluster);
            List<String> problems = new ArrayList<>();
            onlyFields(cluster, TOP, name, problems);
            JsonNode spec = cluster.path("spec");
            onlyFields(spec, SPEC, name + ".spec", problems);
            if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
                problems.add(name + ".spec.instances: must be a positive integer");
            }
            if (spec.has("imageName") && !spec.get("imageName").isTextual()) {
                problems.add(name + ".spec.imageName: must be a string");
            }
            if (spec.has("primaryUpdateStrategy")
                    && !Set.of("supervised", "unsupervised").contains(spec.get("primaryUpdateStrategy").asText())) {
                problems.add(name + ".spec.primaryUpdateStrategy: supervised or unsupervised");
            }
            onlyFields(spec.path("postgresql"), Set.of("parameters"), name + ".spec.postgresql", problems);
            spec.path("postgresql").path("parameters").fields().forEachRemaining(parameter -> {
                if (!parameter.getValue().isTextual()) {
                    problems.add(name + ".spec.postgresql.parameters." + parameter.getKey() + ": must be a string");
                }
            });
            onlyFields(spec.path("bootstrap"), Set.of("initdb"), name + ".spec.bootstrap", problems);
            JsonNode initdb = spec.path("bootstrap").path("initdb");
            onlyFields(initdb, Set.of("database", "owner"), name + ".spec.bootstrap.initdb", problems);
            if (!initdb.path("database").isTextual() || !initdb.path("owner").isTextual()) {
                problems.add(name + ".spec.bootstrap.initdb: database and owner are required strings");
            }
            onlyFields(spec.path("storage"), Set.of("size", "storageClass"), name + ".spec.storage", problems);
            try {
                Quantity.getAmountInBytes(new Quantity(spec.path("storage").path("size").asText()));
            } catch (RuntimeException e) {
                problems.add(name + ".spec.storage.size: not a quantity");
            }
            onlyFields(spec.path("affinity"), Set.of("enablePodAntiAffinity", "topologyKey", "podAntiAffinityType"),
                    name + ".spec.affinity", problems);
            if (spec.path("affinity").has("enablePodAntiAffinity") && !spec.path("affinity").get("enablePodAntiAffinity").isBoolean()) {
                problems.add(name + ".spec.affinity.enablePodAntiAffinity: must be a boolean");
            }
            if (spec.has("resources")) {
                try {
                    unknownFields(STRICT.treeToValue(spec.get("resources"), ResourceRequirements.class),
                            name + ".spec.resources", problems);
                } catch (JsonProcessingException e) {
                    problems.add(name + ".spec.resources: " + e.getOriginalMessage());
                }
            }
            return problems;
        }

        private static void onlyFields(JsonNode node, Set<String> allowed, String path, List<String> problems) {
            node.fieldNames().forEachRemaining(field -> {
                if (!allowed.contains(field)) {
                    problems.add(path + ": unknown field(s) [" + field + "]");
                }
            });
        }
    }
}
