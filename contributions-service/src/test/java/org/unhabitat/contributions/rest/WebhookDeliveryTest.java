package org.unhabitat.contributions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.svix.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.WebhookEndpoints;
import org.unhabitat.contributions.WebhookReceiver;
import org.unhabitat.contributions.config.MovableClock;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.unhabitat.contributions.WebhookEndpoints.subscribe;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as a partner's endpoint receives them: signed after the Standard Webhooks specification (checked with
 * Svix's verifier, not this service's signing code), retried with the same webhook-id, in order per pledge, given up
 * after a day, the endpoint disabled after five days of failures, and the queue kept in the database.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    MovableClock clock;

    @Inject
    DataSource dataSource;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void estoniaAndLatviaAreContributors() {
        Given.contributor("EST", "Estonia", "MEMBER_STATE");
        Given.contributor("LVA", "Latvia", "MEMBER_STATE");
    }

    @AfterEach
    void putTheClockBackAndRemoveTheEndpoints() {
        clock.reset();
        receivers.forEach(WebhookReceiver::close);
        WebhookEndpoints.deleteAll(dataSource);
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameSignedMessageAThirdTimeWithThePaymentAsGetReturnsIt() throws Exception {
        WebhookReceiver receiver = receiver().answering(500, 503);
        Map<String, Object> hook = subscribe(TestTokens.partner("EST"), receiver, "payment.recorded");
        String pledge = usdPledge("EST", "2021");
        String payment = pay(pledge, "250000.00");

        await().atMost(DELIVERY).until(() -> receiver.received().size() >= 3);
        List<WebhookReceiver.Received> attempts = receiver.received();
        String webhookId = attempts.get(0).header("webhook-id");
        assertTrue(webhookId.startsWith("msg_"), webhookId);
        Webhook verifier = new Webhook((String) hook.get("secret"));
        for (WebhookReceiver.Received attempt : attempts.subList(0, 3)) {
            assertEquals(webhookId, attempt.header("webhook-id"), "every attempt carries the same webhook-id");
            verifier.verify(attempt.body(), attempt.headers());
        }
        JsonNode message = JSON.readTree(attempts.get(2).body());
        assertEquals("payment.recorded", message.get("type").asText());
        assertTrue(message.hasNonNull("timestamp"));
        JsonNode asGetReturnsIt = JSON.readTree(given().auth().oauth2(TestTokens.partner("EST"))
                .when().get("/api/v1/pledges/{id}/payments/{payment}", pledge, payment).then().statusCode(200).extract().asString());
        assertEquals(asGetReturnsIt, message.get("data"));

        await().atMost(DELIVERY).untilAsserted(() -> deliveries(TestTokens.partner("EST"), hook)
                .body("items", hasSize(1))
                .body("items[0].webhookId", equalTo(webhookId))
                .body("items[0].type", equalTo("payment.recorded"))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts.statusCode", equalTo(List.of(500, 503, 204)))
                .body("items[0].attempts.succeeded", equalTo(List.of(false, false, true)))
                .body("items[0].attempts[0].error", equalTo("The endpoint answered 500")));
    }

    @Test
    void aPartnerReceivesOnlyItsOwnPledgesWhileFinanceMayReceiveEveryones() {
        WebhookReceiver estonia = receiver();
        WebhookReceiver latvia = receiver();
        WebhookReceiver finance = receiver();
        Map<String, Object> latviasHook = subscribe(TestTokens.partner("LVA"), latvia, "pledge.recorded");
        subscribe(TestTokens.partner("EST"), estonia, "pledge.recorded");
        subscribe(TestTokens.finance(), finance, "pledge.recorded");
        String estonianPledge = usdPledge("EST", "2022");

        await().atMost(DELIVERY).until(() -> hasPledge(estonia, estonianPledge) && hasPledge(finance, estonianPledge));
        String latvianPledge = usdPledge("LVA", "2022");
        await().atMost(DELIVERY).until(() -> hasPledge(latvia, latvianPledge) && hasPledge(finance, latvianPledge));

        assertTrue(latvia.received().stream().noneMatch(request -> request.body().contains(estonianPledge)));
        assertTrue(estonia.received().stream().noneMatch(request -> request.body().contains(latvianPledge)));
        deliveries(TestTokens.partner("LVA"), latviasHook).body("items.type", equalTo(List.of("pledge.recorded")));
    }

    @Test
    void oneEndpointGetsOnePledgesMessagesInOrderEvenWhileTheFirstIsRetried() throws Exception {
        WebhookReceiver receiver = receiver().answering(500, 500);
        subscribe(TestTokens.partner("EST"), receiver, "pledge.recorded", "pledge.corrected", "pledge.cancelled");
        String pledge = usdPledge("EST", "2023");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("amount", "600000", "schedule", List.of(Map.of("year", 2023, "amount", "600000")), "reason", "Raised"))
                .when().post("/api/v1/pledges/{id}/corrections", pledge).then().statusCode(200);
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(Map.of("reason", "Withdrawn"))
                .when().post("/api/v1/pledges/{id}/cancellation", pledge).then().statusCode(200);

        await().atMost(DELIVERY).until(() -> receiver.received().size() >= 5);
        List<String> types = new ArrayList<>();
        for (WebhookReceiver.Received request : receiver.received()) {
            types.add(JSON.readTree(request.body()).get("type").asText());
        }
        assertEquals(List.of("pledge.recorded", "pledge.recorded", "pledge.recorded", "pledge.corrected", "pledge.cancelled"), types);
    }

    @Test
    void aMessageIsRetriedForADayThenMarkedFailedAndThePledgesNextMessageGoes() throws Exception {
        WebhookReceiver receiver = receiver().otherwise(500);
        Map<String, Object> hook = subscribe(TestTokens.partner("LVA"), receiver, "pledge.recorded", "pledge.cancelled");
        String pledge = usdPledge("LVA", "2024");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(Map.of("reason", "Withdrawn"))
                .when().post("/api/v1/pledges/{id}/cancellation", pledge).then().statusCode(200);
        await().atMost(DELIVERY).until(() -> !receiver.received().isEmpty());
        assertTrue(receiver.received().stream().allMatch(request -> request.body().contains("\"pledge.recorded\"")),
                () -> "the cancellation waits while the recording is retried: " + receiver.received());

        clock.moveForward(Duration.ofHours(25));

        await().atMost(DELIVERY).untilAsserted(() -> deliveries(TestTokens.partner("LVA"), hook)
                .body("items.type", equalTo(List.of("pledge.cancelled", "pledge.recorded")))
                .body("items[1].status", equalTo("FAILED")));
        await().atMost(DELIVERY).until(() -> receiver.received().stream().anyMatch(request -> request.body().contains("\"pledge.cancelled\"")));
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledWithTheReasonAndReenabledByPatch() {
        WebhookReceiver receiver = receiver().otherwise(503);
        Map<String, Object> hook = subscribe(TestTokens.partner("EST"), receiver, "pledge.recorded");
        usdPledge("EST", "2025");
        await().atMost(DELIVERY).until(() -> !receiver.received().isEmpty());

        clock.moveForward(Duration.ofDays(5).plusMinutes(1));

        String partner = TestTokens.partner("EST");
        await().atMost(DELIVERY).untilAsserted(() -> given().auth().oauth2(partner).when().get("/api/v1/webhooks/{id}", hook.get("id"))
                .then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", startsWith("Disabled at "))
                .body("disabledReason", org.hamcrest.Matchers.containsString("The endpoint answered 503")));

        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().patch("/api/v1/webhooks/{id}", hook.get("id")).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue()).body("failingSince", nullValue());
    }

    @Test
    void aResentDeliveryArrivesAgainWithItsWebhookId() {
        WebhookReceiver receiver = receiver();
        Map<String, Object> hook = subscribe(TestTokens.partner("LVA"), receiver, "pledge.recorded");
        usdPledge("LVA", "2026");
        await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
        String partner = TestTokens.partner("LVA");
        await().atMost(DELIVERY).untilAsserted(() -> deliveries(partner, hook).body("items[0].status", equalTo("DELIVERED")));
        String delivery = deliveries(partner, hook).extract().path("items[0].id");

        given().auth().oauth2(partner).when().post("/api/v1/webhooks/{id}/deliveries/{delivery}/resend", hook.get("id"), delivery)
                .then().statusCode(202).body("status", equalTo("PENDING"));

        await().atMost(DELIVERY).until(() -> receiver.received().size() == 2);
        assertEquals(receiver.received().get(0).header("webhook-id"), receiver.received().get(1).header("webhook-id"));
        assertEquals(receiver.received().get(0).body(), receiver.received().get(1).body());
    }

    /**
     * What an instance that died mid-attempt leaves behind, a leased pending row, is delivered by the dispatcher
     * running now, which never had it in memory: the queue's state is the database's.
     */
    @Test
    void aDeliveryLeftPendingByAStoppedInstanceIsDeliveredFromTheDatabase() throws Exception {
        WebhookReceiver receiver = receiver();
        Map<String, Object> hook = subscribe(TestTokens.partner("EST"), receiver, "payment.recorded");
        String body = "{\"type\":\"payment.recorded\",\"timestamp\":\"2026-01-05T10:00:00Z\",\"data\":{\"left\":\"behind\"}}";
        String messageId = "msg_" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO webhook_delivery (id, subscription_id, message_id, event_type, ordering_key, payload, status, attempts,
                                              next_attempt_at, first_attempt_at, created_at)
                VALUES (?, ?, ?, 'payment.recorded', ?, ?, 'PENDING', 1, ?, ?, ?)""")) {
            Instant leaseExpired = Instant.now().minusSeconds(5);
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString((String) hook.get("id")));
            insert.setString(3, messageId);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, body);
            insert.setTimestamp(6, Timestamp.from(leaseExpired));
            insert.setTimestamp(7, Timestamp.from(leaseExpired.minusSeconds(60)));
            insert.setTimestamp(8, Timestamp.from(leaseExpired.minusSeconds(60)));
            insert.executeUpdate();
        }

        await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
        assertEquals(messageId, receiver.received().get(0).header("webhook-id"));
        assertEquals(body, receiver.received().get(0).body());
        new Webhook((String) hook.get("secret")).verify(receiver.received().get(0).body(), receiver.received().get(0).headers());
        await().atMost(DELIVERY).untilAsserted(() -> deliveries(TestTokens.partner("EST"), hook)
                .body("items[0].webhookId", equalTo(messageId)).body("items[0].status", equalTo("DELIVERED")));
    }

    @Test
    void aReceiverThatHangsIsGivenUpOnAfterTheTimeoutAndTriedAgain() {
        WebhookReceiver receiver = receiver().answering(WebhookReceiver.HANG);
        Map<String, Object> hook = subscribe(TestTokens.partner("LVA"), receiver, "pledge.recorded");
        usdPledge("LVA", "2021");

        await().atMost(DELIVERY).untilAsserted(() -> deliveries(TestTokens.partner("LVA"), hook)
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts.statusCode", equalTo(java.util.Arrays.asList(null, 204)))
                .body("items[0].attempts[0].error", startsWith("No answer")));
    }

    /**
     * An address the guard would refuse when saving, as a name that resolved elsewhere when saved would reach it:
     * written straight into the database, since the API refuses it. The dispatcher checks again and never connects.
     */
    @Test
    void anEndpointWhoseAddressIsForbiddenWhenTheDeliveryConnectsIsNotContacted() throws Exception {
        Map<String, Object> hook = subscribe(TestTokens.partner("EST"), receiver(), "pledge.recorded");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE webhook_subscription SET url = ? WHERE id = ?")) {
            update.setString(1, "https://127.0.0.2:9/hooks");
            update.setObject(2, UUID.fromString((String) hook.get("id")));
            update.executeUpdate();
        }
        usdPledge("EST", "2021");

        await().atMost(DELIVERY).untilAsserted(() -> deliveries(TestTokens.partner("EST"), hook)
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].attempts[0].statusCode", nullValue())
                .body("items[0].attempts[0].error", equalTo("The endpoint must not point to a private, loopback or link-local address")));
    }

    @Test
    void afterARotationEachMessageIsSignedWithTheNewSecretAndTheOldOneForADay() throws Exception {
        WebhookReceiver receiver = receiver();
        Map<String, Object> hook = subscribe(TestTokens.partner("EST"), receiver, "pledge.recorded");
        String rotated = given().auth().oauth2(TestTokens.partner("EST")).when().post("/api/v1/webhooks/{id}/secret", hook.get("id"))
                .then().statusCode(200).extract().path("secret");
        usdPledge("EST", "2022");

        await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received message = receiver.received().get(0);
        assertEquals(2, message.header("webhook-signature").split(" ").length, message.header("webhook-signature"));
        new Webhook(rotated).verify(message.body(), message.headers());
        new Webhook((String) hook.get("secret")).verify(message.body(), message.headers());
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    static io.restassured.response.ValidatableResponse deliveries(String token, Map<String, Object> hook) {
        return given().auth().oauth2(token).when().get("/api/v1/webhooks/{id}/deliveries", hook.get("id")).then().statusCode(200);
    }

    /** A USD pledge (no rate needed) of 500,000 for one year, pledged on 15 January of it. */
    static String usdPledge(String contributor, String year) {
        return Given.pledge("""
                {"contributorCode":"%s","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED","region":"EUROPE",
                 "currency":"USD","amount":"500000","pledgedOn":"%s-01-15"}""".formatted(contributor, year));
    }

    private static String pay(String pledge, String amount) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "currency", "USD", "receivedOn", "2021-03-01"))
                .when().post("/api/v1/pledges/{id}/payments", pledge).then().statusCode(201).extract().path("id");
    }

    private static boolean hasPledge(WebhookReceiver receiver, String pledge) {
        return receiver.received().stream().anyMatch(request -> request.body().contains("\"id\":\"" + pledge + "\""));
    }
}
