package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Compose file cannot be run here (no container engine), so its structure is checked instead:
 * only fields of the Compose specification, dependencies on health, and every variable the services'
 * application.properties require.
 */
class ComposeFileTest {

    private static final Path FILE = Suite.ROOT.resolve("deploy/compose.yaml");
    private static final ObjectNode COMPOSE = Yaml.single(FILE);
    /** The Compose specification's service fields this file may use; a misspelt one would be ignored by nothing. */
    private static final Set<String> SERVICE_FIELDS = Set.of("image", "environment", "depends_on", "volumes", "ports",
            "healthcheck", "restart", "entrypoint", "command", "read_only", "tmpfs", "mem_limit", "stop_grace_period");
    private static final Set<String> HEALTHCHECK_FIELDS = Set.of("test", "interval", "timeout", "retries", "start_period");
    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    @Test
    @DisplayName("the Compose file uses only top-level and service fields of the Compose specification")
    void onlyKnownFields() {
        Set<String> top = new TreeSet<>();
        COMPOSE.fieldNames().forEachRemaining(top::add);
        assertEquals(new TreeSet<>(List.of("name", "services", "volumes")), top);
        COMPOSE.path("services").fields().forEachRemaining(service -> {
            service.getValue().fieldNames().forEachRemaining(field ->
                    assertTrue(SERVICE_FIELDS.contains(field), service.getKey() + ": unknown field " + field));
            service.getValue().path("healthcheck").fieldNames().forEachRemaining(field ->
                    assertTrue(HEALTHCHECK_FIELDS.contains(field), service.getKey() + ": unknown healthcheck field " + field));
        });
    }

    @Test
    @DisplayName("every long-running container has a health check and every dependency waits for one")
    void dependenciesWaitForHealth() {
        JsonNode services = COMPOSE.path("services");
        services.fields().forEachRemaining(service -> {
            boolean oneShot = service.getValue().path("restart").asText().equals("no");
            assertTrue(oneShot || service.getValue().path("healthcheck").path("test").isArray(), service.getKey() + " has no health check");
            service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                assertTrue(services.has(dependency.getKey()), service.getKey() + " depends on the missing " + dependency.getKey());
                String condition = dependency.getValue().path("condition").asText();
                assertTrue(CONDITIONS.contains(condition) && !condition.equals("service_started"),
                        service.getKey() + " starts before " + dependency.getKey() + " is ready: " + condition);
            });
        });
    }

    @ParameterizedTest(name = "{0} gets every variable its application.properties requires, none it ignores, and no literal password")
    @ValueSource(strings = {"contributions-service", "targets-service", "reporting-service"})
    void servicesGetTheirConfiguration(String service) {
        ServiceConfig config = ServiceConfig.of(Suite.ROOT, service);
        JsonNode container = COMPOSE.path("services").path(service);
        Set<String> provided = new HashSet<>();
        container.path("environment").fields().forEachRemaining(variable -> {
            provided.add(variable.getKey());
            if (variable.getKey().contains("PASSWORD")) {
                assertTrue(variable.getValue().asText().startsWith("${"), variable.getKey() + " must come from the environment");
            }
        });
        Set<String> missing = new TreeSet<>(config.requiredVariables());
        missing.removeAll(provided);
        assertEquals(Set.of(), missing);
        for (String variable : provided) {
            assertTrue(config.requiredVariables().contains(variable) || config.optionalVariables().contains(variable)
                    || SuiteChecks.IMAGE_VARIABLES.contains(variable) || variable.startsWith("QUARKUS_"),
                    variable + " is read by neither " + service + " nor its image (a typo?)");
        }
        assertEquals("[\"" + config.httpPort() + ":" + config.httpPort() + "\"]", container.path("ports").toString(),
                "only the API port is published, never the management port");
        assertTrue(container.path("healthcheck").path("test").toString().contains(":" + config.managementPort() + "/q/health/ready"),
                "the health check asks the management port");
        String database = service.replace("-service", "");
        assertTrue(container.path("environment").path(database.toUpperCase() + "_DB_URL").asText().endsWith("/" + database));
    }

    @Test
    @DisplayName("the topics the services use are created, and each service's database by the init script")
    void topicsAndDatabasesAreCreated() throws IOException {
        String command = COMPOSE.path("services").path("kafka-topics").path("command").toString();
        String init = Files.readString(Suite.ROOT.resolve("deploy/compose/create-databases.sh"));
        assertTrue(COMPOSE.path("services").path("postgres").path("volumes").toString().contains("./compose/create-databases.sh:"));
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(Suite.ROOT, service);
            for (String topic : config.producedTopics()) {
                assertTrue(command.contains("--topic " + topic + " "), topic + " is not created");
            }
            for (String topic : config.consumedTopics()) {
                assertTrue(command.contains("--topic " + topic + " "), topic + " is not created");
            }
            assertTrue(init.contains(service.replace("-service", "")), "no database for " + service);
        }
    }

    @Test
    @DisplayName("the file contains no key and mounts none: the services trust the JWKS of an issuer given in the environment")
    void noKeyIsContainedOrMounted() throws IOException {
        String text = Files.readString(FILE);
        for (String keyMaterial : List.of("BEGIN", "PRIVATE KEY", "PUBLIC KEY", ".pem", "/keys", "jwt-public", "jwt-private")) {
            assertTrue(!text.contains(keyMaterial), "the Compose file mentions " + keyMaterial);
        }
        COMPOSE.path("services").fields().forEachRemaining(service -> service.getValue().path("volumes").forEach(volume ->
                assertTrue(!volume.asText().startsWith("./data/"), service.getKey() + " mounts " + volume.asText())));
        for (String service : ServiceConfig.SERVICES) {
            JsonNode environment = COMPOSE.path("services").path(service).path("environment");
            assertEquals("${JWKS_URL:?set it in deploy/.env to the JWKS URL of that issuer}", environment.path("JWT_PUBLIC_KEY_LOCATION").asText(), service);
            assertTrue(environment.path("JWT_ISSUER").asText().startsWith("${JWT_ISSUER:?"), service + " must not default to a development issuer");
        }
    }

    @Test
    @DisplayName("named volumes are declared and bind mounts other than the generated key exist")
    void volumesResolve() {
        Set<String> declared = new HashSet<>();
        COMPOSE.path("volumes").fieldNames().forEachRemaining(declared::add);
        COMPOSE.path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().substring(0, volume.asText().indexOf(':'));
            if (source.startsWith("./data/")) {
                return;
            }
            assertTrue(source.startsWith("./") ? Files.exists(FILE.getParent().resolve(source)) : declared.contains(source),
                    "the volume source " + source + " does not exist");
        }));
    }
}
