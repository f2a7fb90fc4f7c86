package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for exactly the features the suite's
 * overlays use: {@code resources} (files and directories), {@code namespace}, {@code labels} (pairs,
 * metadata only), {@code images}, {@code replicas} and {@code patches} given as strategic-merge files.
 * Anything else in a kustomization is refused rather than ignored, so an overlay cannot silently
 * outgrow what CI renders. No Kustomize binary is on Maven Central, and CI must not need kubectl.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images", "replicas", "patches");
    /** Patch merge keys of the built-in kinds' lists that the overlays patch; other lists are replaced. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "ports", "containerPort", "topologySpreadConstraints", "topologyKey");
    /** Kinds whose objects have no namespace: the namespace transformer would have to skip them. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        ObjectNode kustomization = Yaml.single(file);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is outside the rendered subset of Kustomize");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(Yaml.documents(path));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(file + ": only patches given by 'path' are rendered: " + patch);
            }
            for (ObjectNode document : Yaml.documents(directory.resolve(patch.get("path").asText()))) {
                ObjectNode target = find(objects, document, file);
                merge(target, document, isBuiltIn(target));
            }
        }
        if (kustomization.has("namespace")) {
            for (ObjectNode object : objects) {
                if (CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    throw new IllegalArgumentException(file + ": namespacing a " + object.path("kind").asText() + " is not rendered");
                }
                metadata(object).put("namespace", kustomization.get("namespace").asText());
            }
        }
        for (JsonNode label : kustomization.path("labels")) {
            if (label.has("includeSelectors") || label.has("includeTemplates")) {
                throw new IllegalArgumentException(file + ": labels are rendered into metadata only");
            }
            for (ObjectNode object : objects) {
                ObjectNode labels = metadata(object).has("labels")
                        ? (ObjectNode) metadata(object).get("labels") : metadata(object).putObject("labels");
                label.path("pairs").fields().forEachRemaining(pair -> labels.set(pair.getKey(), pair.getValue()));
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode object : objects) {
                for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                    retag((ObjectNode) container, image);
                }
            }
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            ObjectNode target = objects.stream()
                    .filter(o -> o.path("metadata").path("name").asText().equals(replicas.path("name").asText())
                            && o.path("spec").has("replicas"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": no workload for replicas " + replicas));
            ((ObjectNode) target.get("spec")).set("replicas", IntNode.valueOf(replicas.path("count").asInt()));
        }
        return objects;
    }

    private static ObjectNode find(List<ObjectNode> objects, ObjectNode patch, Path file) {
        return objects.stream()
                .filter(o -> o.path("kind").equals(patch.path("kind"))
                        && group(o).equals(group(patch))
                        && o.path("metadata").path("name").equals(patch.path("metadata").path("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": the patch matches no resource: "
                        + patch.path("kind").asText() + " " + patch.path("metadata").path("name").asText()));
    }

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** Custom resources carry no patch strategy, so Kustomize merges them as JSON merge patches. */
    private static boolean isBuiltIn(JsonNode object) {
        String group = group(object);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    /** A strategic merge (built-in kinds) or JSON merge patch (custom resources); null deletes a field. */
    static void merge(ObjectNode target, ObjectNode patch, boolean strategic) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, strategic);
            } else if (strategic && value.isArray() && existing != null && existing.isArray() && MERGE_KEYS.containsKey(name)) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(element.path(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                target.add(element.deepCopy());
            } else {
                merge(match, (ObjectNode) element, true);
            }
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String reference = container.path("image").asText();
        int digest = reference.indexOf('@');
        int tag = reference.lastIndexOf(':');
        String name = digest >= 0 ? reference.substring(0, digest)
                : tag > reference.lastIndexOf('/') ? reference.substring(0, tag) : reference;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String suffix = reference.substring(name.length());
        String newName = image.has("newName") ? image.get("newName").asText() : name;
        String newSuffix = image.has("digest") ? "@" + image.get("digest").asText()
                : image.has("newTag") ? ":" + image.get("newTag").asText() : suffix;
        container.set("image", TextNode.valueOf(newName + newSuffix));
    }

    private static ObjectNode metadata(ObjectNode object) {
        return object.has("metadata") ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    }
}
