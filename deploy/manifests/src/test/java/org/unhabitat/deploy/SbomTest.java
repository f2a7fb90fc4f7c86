package org.unhabitat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build leaves a CycloneDX SBOM beside each service's application, listing what it ships and nothing it only tests with. */
class SbomTest {

    @ParameterizedTest(name = "the build wrote {0}'s CycloneDX SBOM with its shipped dependencies")
    @ValueSource(strings = {"contributions-service", "targets-service", "reporting-service"})
    void eachServiceHasItsSbom(String service) throws IOException {
        Path sbom = Suite.ROOT.resolve(service).resolve("target/sbom-cyclonedx.json");
        assertTrue(Files.exists(sbom), sbom + " was not written by the build");
        JsonNode bom = new ObjectMapper().readTree(sbom.toFile());
        assertEquals("CycloneDX", bom.path("bomFormat").asText());
        assertEquals(service, bom.path("metadata").path("component").path("name").asText());
        Set<String> components = new TreeSet<>();
        bom.path("components").forEach(component -> components.add(component.path("group").asText() + ":" + component.path("name").asText()));
        for (String shipped : Set.of("io.quarkus:quarkus-rest", "org.postgresql:postgresql", "org.apache.kafka:kafka-clients",
                "io.smallrye:smallrye-jwt")) {
            assertTrue(components.contains(shipped), service + "'s SBOM lacks " + shipped);
        }
        for (String testOnly : Set.of("io.rest-assured:rest-assured", "org.unhabitat.rm:test-support", "io.quarkus:quarkus-junit")) {
            assertTrue(!components.contains(testOnly), service + "'s SBOM lists the test dependency " + testOnly);
        }
        bom.path("components").forEach(component ->
                assertTrue(component.path("purl").asText().startsWith("pkg:maven/"), "no package URL for " + component));
    }
}
