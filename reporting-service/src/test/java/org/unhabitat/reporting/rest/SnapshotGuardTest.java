package org.unhabitat.reporting.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.service.ConsumptionStatus;
import org.unhabitat.reporting.service.TopicEnds;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Defect 6 of issue 14: a manual snapshot skipped the caught-up check and froze a month mid-replay for
 * good. A consumer that is behind is played by a stored position set back, as a rebuild leaves it.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class SnapshotGuardTest {

    private static final String TOPIC = "targets.events";
    private static final String MONTH = "2012-04";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ConsumptionStatus consumption;

    @Inject
    TopicEnds topicEnds;

    @Inject
    EntityManager entityManager;

    @Test
    void aManualSnapshotWhileAConsumerIsBehindIsRefusedWith409AndRetryAfterAndTakenOnceItHasCaughtUp() {
        new ContributionEvents(bootstrapServers).target(2012, "REGULAR_BUDGET", "1200000.00");
        await().atMost(Duration.ofSeconds(60)).until(consumption::caughtUp);
        Map.Entry<Integer, Long> partition = topicEnds.endOffsets().get(TOPIC).entrySet().stream()
                .filter(end -> end.getValue() > 0).findFirst().orElseThrow();
        storePosition(partition.getKey(), 0);

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/" + MONTH).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("status", equalTo(409))
                .body("detail", containsString(TOPIC + "-" + partition.getKey() + " stands at offset 0 of " + partition.getValue()));
        given().get("/api/v1/snapshots/" + MONTH).then().statusCode(404);

        storePosition(partition.getKey(), partition.getValue());
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/" + MONTH).then()
                .statusCode(201)
                .body("progress.lines[0].targetUsd", equalTo("1200000.00"));
    }

    private void storePosition(int partition, long nextOffset) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE consumer_position SET next_offset = :next WHERE topic = :topic AND partition_no = :partition")
                .setParameter("next", nextOffset).setParameter("topic", TOPIC).setParameter("partition", partition)
                .executeUpdate());
    }
}
