package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps several reporting instances from doing a cluster's work twice or leaving part of it
 * undone. The other instance is played by a database connection holding what that instance would, or
 * by a consumer of its own in the same group.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ClusterCoordinationTest {

    private static final String TOPIC = "contributions.events";

    @Inject
    SnapshotService snapshots;

    @Inject
    RebuildService rebuild;

    @Inject
    ConsumptionStatus consumption;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theMonthEndSnapshotIsLeftToTheInstanceHoldingTheJobLockAndTakenOnceItIsFree() throws Exception {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        forgetSnapshot(lastMonth);
        await().atMost(Duration.ofSeconds(60)).until(consumption::caughtUp);

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement("SELECT CAST(pg_advisory_xact_lock(?) AS TEXT)")) {
                lock.setLong(1, SnapshotService.MONTH_END_JOB_LOCK);
                lock.executeQuery().close();
            }
            snapshots.takeLastMonthsSnapshot();
            assertFalse(snapshots.find(lastMonth).isPresent(), "the instance holding the lock takes it, not this one");
            otherInstance.rollback();
        }

        snapshots.takeLastMonthsSnapshot();
        assertTrue(snapshots.find(lastMonth).isPresent());
    }

    /**
     * A rebuild resets every partition's stored position; each is replayed by whichever instance owns it,
     * and snapshots wait until all are back at their ends. Here another member of the group takes some
     * partitions during the replay and applies nothing: they stay behind, whatever Kafka's committed offsets
     * say, until they come back to this instance, which replays them from their stored positions.
     */
    @Test
    void aRebuildIsReplayedByTheOwnerOfEachPartitionAndSnapshotsWaitUntilEveryPartitionIsBack() {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        for (int i = 0; i < 12; i++) {
            String code = "CLUSTER-" + UUID.randomUUID();
            KafkaRecords.publish(bootstrapServers, TOPIC, code, UUID.randomUUID().toString(), "org.unhabitat.contributor.registered.v1",
                    "{\"code\":\"" + code + "\",\"name\":\"Cluster test fund\",\"type\":\"FOUNDATION\",\"country\":null}");
        }
        await().atMost(Duration.ofSeconds(60)).until(consumption::caughtUp);
        forgetSnapshot(lastMonth);

        Set<Integer> takenByTheOther;
        try (KafkaConsumer<String, String> otherInstance = otherMemberOfTheGroup()) {
            otherInstance.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                otherInstance.poll(Duration.ofMillis(100));
                return !otherInstance.assignment().isEmpty();
            });
            takenByTheOther = otherInstance.assignment().stream().map(TopicPartition::partition).collect(Collectors.toSet());
            rebuild.rebuild();

            Set<String> expectedBehind = takenByTheOther.stream().map(partition -> TOPIC + "-" + partition).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(expectedBehind, behindPartitions(),
                    "only the other member's partitions stay behind"));
            snapshots.takeLastMonthsSnapshot();
            assertFalse(snapshots.find(lastMonth).isPresent(), "a snapshot must wait for every partition's replay");
        }

        await().atMost(Duration.ofSeconds(90)).until(consumption::caughtUp);
        snapshots.takeLastMonthsSnapshot();
        assertTrue(snapshots.find(lastMonth).isPresent());
    }

    private Set<String> behindPartitions() {
        return consumption.catchUp().behind().stream().map(reason -> reason.substring(0, reason.indexOf(' ')))
                .collect(Collectors.toSet());
    }

    private KafkaConsumer<String, String> otherMemberOfTheGroup() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reporting-service.contributions",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
    }

    private void forgetSnapshot(YearMonth month) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM monthly_snapshot WHERE month = :month")
                .setParameter("month", month.toString()).executeUpdate());
    }
}
