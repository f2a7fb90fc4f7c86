package org.unhabitat.contributions.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.WebhookEndpoints;
import org.unhabitat.contributions.WebhookReceiver;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The webhook fan-out reads this service's own events back in batches, one transaction each. Events are published
 * here as the outbox relay publishes a batch: through one producer, keyed by the pledge, so that they are read
 * together. What a batch must keep of the one-event-at-a-time fan-out: each event announced once, each pledge's
 * announcements in its events' order, and an event that cannot be announced set aside alone.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ContributionsEventsConsumerTest {

    private static final String CORRECTED = "org.unhabitat.pledge.corrected.v2";
    private static final String PAYMENT_RECORDED = "org.unhabitat.payment.recorded.v2";
    private static final Duration FAN_OUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    private WebhookReceiver receiver;

    @BeforeEach
    void estoniaListensToItsPledges() {
        Given.contributor("EST", "Estonia", "MEMBER_STATE");
        receiver = new WebhookReceiver();
        WebhookEndpoints.subscribe(TestTokens.partner("EST"), receiver, "pledge.recorded", "pledge.corrected", "payment.recorded");
    }

    @AfterEach
    void removeTheEndpoint() {
        receiver.close();
        WebhookEndpoints.deleteAll(dataSource);
    }

    @Test
    void eventsReadTogetherAreEachAnnouncedOnceInTheirPledgesOrderEvenWhenOneCameTwice() throws SQLException {
        List<String> pledges = List.of(estonianPledge(), estonianPledge(), estonianPledge());
        List<KafkaRecords.Event> events = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            for (String pledge : pledges) {
                events.add(new KafkaRecords.Event(pledge, UUID.randomUUID().toString(), CORRECTED, "{}"));
            }
        }
        // A relay that crashed before marking its batch published sends an event again, here right after itself.
        events.add(1, events.get(0));
        KafkaRecords.publishAll(bootstrapServers, "contributions.events", events);

        await().atMost(FAN_OUT).until(() -> deliveriesOf(pledges, "pledge.corrected").size() >= 120);
        for (String pledge : pledges) {
            List<String> expected = events.stream().filter(event -> event.key().equals(pledge))
                    .map(event -> "msg_" + event.eventId()).distinct().toList();
            assertEquals(expected, deliveriesOf(List.of(pledge), "pledge.corrected"), "one delivery per event, in the order published");
        }
    }

    @Test
    void aPaymentEventThatCannotBeAnnouncedIsDeadLetteredAloneAndTheEventsAroundItAreAnnounced() throws SQLException {
        String pledge = estonianPledge();
        String before = UUID.randomUUID().toString();
        String unknownPayment = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        KafkaRecords.publishAll(bootstrapServers, "contributions.events", List.of(
                new KafkaRecords.Event(pledge, before, CORRECTED, "{}"),
                new KafkaRecords.Event(pledge, unknownPayment, PAYMENT_RECORDED, "{\"paymentId\":\"" + UUID.randomUUID() + "\"}"),
                new KafkaRecords.Event(pledge, after, CORRECTED, "{}")));

        List<ConsumerRecord<String, String>> deadLetters = KafkaRecords.readUntil(bootstrapServers, "contributions.dead-letter",
                read -> read.stream().anyMatch(record -> pledge.equals(record.key())), FAN_OUT).stream()
                .filter(record -> pledge.equals(record.key())).toList();
        assertEquals(List.of(unknownPayment), deadLetters.stream().map(record -> KafkaRecords.header(record, "ce_id")).toList());
        assertNotNull(KafkaRecords.header(deadLetters.get(0), "dead-letter-reason"), "a dead letter says why");
        await().atMost(FAN_OUT).until(() -> deliveriesOf(List.of(pledge), "pledge.corrected").size() >= 2);
        assertEquals(List.of("msg_" + before, "msg_" + after), deliveriesOf(List.of(pledge), "pledge.corrected"));
        assertEquals(List.of(), deliveriesOf(List.of(pledge), "payment.recorded"));
    }

    /** A pledge of Estonia's, whose own pledge.recorded was fanned out before the test publishes anything for it. */
    private String estonianPledge() {
        String pledge = Given.pledge("""
                {"contributorCode":"EST","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED","region":"EUROPE",
                 "currency":"USD","amount":"250000","pledgedOn":"2022-03-01"}""");
        await().atMost(FAN_OUT).until(() -> deliveriesOf(List.of(pledge), "pledge.recorded").size() == 1);
        return pledge;
    }

    /** The message ids of the pledges' deliveries of one event type, in the order they were queued. */
    private List<String> deliveriesOf(List<String> pledges, String eventType) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT message_id FROM webhook_delivery WHERE ordering_key = ANY(?) AND event_type = ? ORDER BY seq""")) {
            select.setArray(1, connection.createArrayOf("varchar", pledges.toArray()));
            select.setString(2, eventType);
            List<String> messageIds = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messageIds.add(rows.getString(1));
                }
            }
            return messageIds;
        }
    }
}
