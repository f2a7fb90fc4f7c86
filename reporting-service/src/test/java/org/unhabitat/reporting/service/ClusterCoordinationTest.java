package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.messaging.ConsumerControl;
import org.unhabitat.testing.SuiteInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps several reporting instances from doing a cluster's work twice or leaving part of it
 * undone. The other instance is played by a database connection holding what that instance would.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ClusterCoordinationTest {

    @Inject
    SnapshotService snapshots;

    @Inject
    RebuildService rebuild;

    @Inject
    ConsumerControl consumers;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void theMonthEndSnapshotIsLeftToTheInstanceHoldingTheJobLockAndTakenOnceItIsFree() throws Exception {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM monthly_snapshot WHERE month = :month")
                .setParameter("month", lastMonth.toString()).executeUpdate());
        await().atMost(Duration.ofSeconds(60)).until(consumers::caughtUp);

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

    @Test
    void aRequestedReplayIsDoneByTheOwnerOfEachPartitionAndPostponesSnapshotsUntilThen() {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumers.partitions().contains(new TopicPartition("contributions.events", 0)));
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM monthly_snapshot WHERE month = :month")
                    .setParameter("month", lastMonth.toString()).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO partition_replay (topic, partition_no) VALUES ('contributions.events', 0),
                           ('contributions.events', 999)""").executeUpdate();
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> !requested(0));
        assertTrue(requested(999), "a partition this instance does not own stays requested for its owner");
        assertTrue(rebuild.replayPending());
        snapshots.takeLastMonthsSnapshot();
        assertFalse(snapshots.find(lastMonth).isPresent(), "a snapshot must wait for every requested replay");

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM partition_replay WHERE partition_no = 999").executeUpdate());
        assertFalse(rebuild.replayPending());
    }

    private boolean requested(int partition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM partition_replay WHERE topic = 'contributions.events' AND partition_no = :partition")
                .setParameter("partition", partition).getSingleResult()).intValue() == 1);
    }
}
