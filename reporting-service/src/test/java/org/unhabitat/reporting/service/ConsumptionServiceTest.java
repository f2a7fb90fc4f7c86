package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.messaging.events.ConsumedRecord;
import org.unhabitat.reporting.messaging.events.DecodedRecord;
import org.unhabitat.reporting.messaging.events.EventDecoder;
import org.unhabitat.reporting.messaging.events.TopicOwner;
import org.unhabitat.reporting.repository.PositionRepository.StoredPosition;
import org.unhabitat.reporting.service.ConsumptionService.BatchOutcome;
import org.unhabitat.testing.SuiteInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Positions stored with the read model decide what a consumer may apply, whatever records it holds: some
 * were fetched before a seek, a rebalance or a rebuild. Records here are made up at offsets no partition
 * has reached, so that applying one would show at once. Income of 2037 is theirs alone.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ConsumptionServiceTest {

    private static final String TOPIC = "contributions.events";
    private static final int PARTITION = 0;
    private static final long FAR_AHEAD = 1_000_000_000L;

    @Inject
    ConsumptionService consumption;

    @Inject
    ConsumptionStatus status;

    @Inject
    RebuildService rebuild;

    @Inject
    EventDecoder decoder;

    @Inject
    EntityManager entityManager;

    /** Defect 1 of issue 14: an old position could overwrite a rebuild's rewind, and caught-up turned true too early. */
    @Test
    void aBatchReadBeforeARebuildAppliesNothingAndNeverMovesThePositionPastTheRewind() {
        await().atMost(Duration.ofSeconds(60)).until(status::caughtUp);
        long readFor = consumption.positions(TOPIC, List.of(PARTITION)).get(PARTITION).generation();

        rebuild.rebuild();
        BatchOutcome outcome = consumption.apply(TOPIC, Map.of(PARTITION, readFor), List.of(payment(FAR_AHEAD, "2037-02-01")));

        assertEquals(Set.of(PARTITION), outcome.stalePartitions(), "its consumer must seek to the stored position");
        assertEquals(Map.of(), outcome.nextOffsets());
        assertEquals(BigDecimal.ZERO, income2037());
        await().atMost(Duration.ofSeconds(60)).until(status::caughtUp);
        assertTrue(storedPosition().nextOffset() < FAR_AHEAD, "the replay's position, not the old batch's: " + storedPosition());
    }

    @Test
    void aRecordBehindTheStoredPositionIsSkippedWhoeverStillHoldsIt() {
        await().atMost(Duration.ofSeconds(60)).until(status::caughtUp);
        StoredPosition stored = consumption.positions(TOPIC, List.of(PARTITION)).get(PARTITION);
        DecodedRecord madeUp = payment(FAR_AHEAD, "2037-03-01");
        long applied = consumption.apply(TOPIC, Map.of(PARTITION, stored.generation()), List.of(madeUp)).applied();
        assertEquals(1, applied);
        assertEquals(FAR_AHEAD + 1, storedPosition().nextOffset());

        BatchOutcome again = consumption.apply(TOPIC, Map.of(PARTITION, stored.generation()),
                List.of(payment(FAR_AHEAD - 1, "2037-04-01"), payment(FAR_AHEAD, "2037-04-01")));

        assertEquals(0, again.applied(), "both lie behind the stored position");
        assertEquals(Map.of(), again.nextOffsets());
        assertEquals(new BigDecimal("10.00"), income2037());
        rewindTo(stored.nextOffset(), ((DecodedRecord.Applicable) madeUp).eventId());
    }

    private DecodedRecord payment(long offset, String receivedOn) {
        String payload = """
                {"paymentId":"%s","pledgeId":"%s","contributor":{"code":"POSITIONS-TEST","name":"Positions test","type":"FOUNDATION"},
                 "budgetLine":"REGULAR_BUDGET","earmarking":"NON_EARMARKED","region":"GLOBAL","currency":"USD","amount":"10.00",
                 "usdAmount":"10.00","usdAtPledgeRate":"10.00","receivedOn":"%s","forYear":2037,"multiYear":false}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), receivedOn);
        return decoder.decode(new ConsumedRecord(TOPIC, PARTITION, offset, "key",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "org.unhabitat.payment.recorded.v1",
                        "ce_source", TopicOwner.CONTRIBUTIONS.source()), payload));
    }

    private BigDecimal income2037() {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) entityManager.createNativeQuery(
                        "SELECT COALESCE(SUM(received_usd), 0) FROM line_income_by_day WHERE EXTRACT(YEAR FROM day) = 2037")
                .getSingleResult());
    }

    private StoredPosition storedPosition() {
        return consumption.positions(TOPIC, List.of(PARTITION)).get(PARTITION);
    }

    /**
     * Puts the partition back where the real consumer had it, and takes the made-up event out again: no
     * topic holds it, so no rebuild could apply it again.
     */
    private void rewindTo(long nextOffset, UUID madeUpEvent) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM inbox_event WHERE event_id = :id").setParameter("id", madeUpEvent)
                    .executeUpdate();
            entityManager.createNativeQuery("UPDATE consumer_position SET next_offset = :next WHERE topic = :topic AND partition_no = :partition")
                    .setParameter("next", nextOffset).setParameter("topic", TOPIC).setParameter("partition", PARTITION).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM line_income_by_day WHERE EXTRACT(YEAR FROM day) = 2037").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM line_income_by_year WHERE year = 2037").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM income_by_day WHERE EXTRACT(YEAR FROM day) = 2037").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM payment WHERE for_year = 2037").executeUpdate();
        });
    }
}
