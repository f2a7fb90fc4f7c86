package org.unhabitat.reporting.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.SuiteInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Kafka's committed offsets are only what monitoring reads as the consumers' lag, and they are committed at
 * most once per interval rather than once per batch; once events stop arriving they must still come to
 * equal the stored positions, or the lag shown would never fall to zero. Data of 2036.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class MonitoringOffsetsTest {

    private static final String GROUP = "reporting-service.contributions";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCommittedOffsetsCatchUpWithTheStoredPositionsOnceEventsStopArriving() {
        // The first commit of a consumer is due at once; the second pledge's position waits for the interval.
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        for (String pledgedOn : new String[] {"2036-03-01", "2036-04-01"}) {
            Pledge pledge = events.pledge(new Contributor("ISL", "Iceland", "MEMBER_STATE"), "FOUNDATION_NON_EARMARKED",
                    "NON_EARMARKED", "EUROPE", "USD", "1", pledgedOn, new Entry(2036, "1000.00", "1000.00"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/open-data/pledges.csv?year=2036").then()
                    .statusCode(200).body(containsString(pledge.id().toString())));
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, Long> stored = storedPositions();
                assertFalse(stored.isEmpty(), "no stored position for " + ContributionEvents.TOPIC);
                Map<TopicPartition, Long> committed = new HashMap<>();
                admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> {
                            if (partition.topic().equals(ContributionEvents.TOPIC) && stored.containsKey(partition)) {
                                committed.put(partition, offset == null ? null : offset.offset());
                            }
                        });
                assertEquals(stored, committed, "committed offsets of " + GROUP + " against the stored positions");
            });
        }
    }

    /** Partitions this instance has consumed from, at their stored next offsets. */
    private Map<TopicPartition, Long> storedPositions() throws Exception {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT partition_no, next_offset FROM consumer_position WHERE topic = ? AND next_offset > 0")) {
            select.setString(1, ContributionEvents.TOPIC);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(new TopicPartition(ContributionEvents.TOPIC, rows.getInt(1)), rows.getLong(2));
                }
            }
        }
        return positions;
    }
}
