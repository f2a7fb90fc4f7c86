package org.unhabitat.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Gives a local broker that requires SASL/SCRAM the same users, ACLs and topics as the cluster's
 * manifests: it reads the KafkaUsers and KafkaTopics of deploy/k8s/base/kafka, creates each user's
 * SCRAM-SHA-512 credentials (a generated password kept in a file of its own), its ACLs, and the topics,
 * which no service may create itself. Usage:
 * {@code KafkaAccess BOOTSTRAP ADMIN_PASSWORD_FILE SECRETS_DIR MANIFESTS_KAFKA_DIR}.
 */
public final class KafkaAccess {

    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** One KafkaUser of the manifests: its name and the ACLs that name it. */
    public record User(String name, List<AclBinding> acls) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: KafkaAccess BOOTSTRAP ADMIN_PASSWORD_FILE SECRETS_DIR MANIFESTS_KAFKA_DIR");
            System.exit(2);
        }
        Path secrets = Path.of(args[2]);
        Path manifests = Path.of(args[3]);
        List<User> users = users(manifests.resolve("users.yaml"));
        Map<String, String> passwords = new LinkedHashMap<>();
        for (User user : users) {
            passwords.put(user.name(), passwordIn(secrets.resolve(user.name() + ".password")));
        }
        apply(args[0], Files.readString(Path.of(args[1])).strip(), passwords, users, topics(manifests.resolve("topics.yaml")));
        System.out.println("Kafka users " + passwords.keySet() + " with the manifests' ACLs; their passwords are in " + secrets);
    }

    /** The KafkaUsers of a Strimzi manifest, with their ACLs as the broker's own bindings. */
    public static List<User> users(Path usersYaml) throws IOException {
        List<User> users = new ArrayList<>();
        for (JsonNode document : documents(usersYaml)) {
            if (!document.path("kind").asText().equals("KafkaUser")) {
                continue;
            }
            String name = document.path("metadata").path("name").asText();
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode acl : document.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                ResourcePattern pattern = new ResourcePattern(
                        ResourceType.fromString(resource.path("type").asText()),
                        resource.path("name").asText(),
                        resource.path("patternType").asText("literal").equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(new AclBinding(pattern, new AccessControlEntry("User:" + name, acl.path("host").asText("*"),
                            AclOperation.fromString(operation.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()),
                            AclPermissionType.ALLOW)));
                }
            }
            users.add(new User(name, acls));
        }
        return users;
    }

    /** The KafkaTopics of a Strimzi manifest with their retention; partitions and replicas are the local broker's. */
    public static List<NewTopic> topics(Path topicsYaml) throws IOException {
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode document : documents(topicsYaml)) {
            if (document.path("kind").asText().equals("KafkaTopic")) {
                JsonNode retention = document.path("spec").path("config").path("retention.ms");
                topics.add(new NewTopic(document.path("spec").path("topicName").asText(document.path("metadata").path("name").asText()),
                        Optional.empty(), Optional.empty())
                        .configs(retention.isMissingNode() ? Map.of() : Map.of("retention.ms", retention.asText())));
            }
        }
        return topics;
    }

    /** Creates or replaces each user's credentials, adds its ACLs and creates the topics, as the super user. */
    public static void apply(String bootstrapServers, String adminPassword, Map<String, String> passwords, List<User> users,
                             List<NewTopic> topics) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(clientConfig(bootstrapServers, ADMIN, adminPassword))) {
            List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> credentials = new ArrayList<>();
            passwords.forEach((user, password) -> credentials.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)));
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(users.stream().flatMap(user -> user.acls().stream()).toList()).all().get(30, TimeUnit.SECONDS);
            try {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** What a client needs to log in to the local broker as that user. */
    public static Map<String, Object> clientConfig(String bootstrapServers, String user, String password) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
    }

    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** The password kept in that file, generated on first use and readable by its owner only. */
    public static String passwordIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip();
    }

    private static List<JsonNode> documents(Path yaml) throws IOException {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml.toFile())) {
            return documents.readAll();
        }
    }

    private KafkaAccess() {
    }
}
