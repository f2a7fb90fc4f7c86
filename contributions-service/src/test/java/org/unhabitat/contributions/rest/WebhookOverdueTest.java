package org.unhabitat.contributions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.unhabitat.contributions.service.WebhookDeliveries;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * instalment.overdue: once per schedule year that passes its due date unpaid, after the pledge's own recording, never
 * for a year paid in full or a cancelled pledge. The sweep runs on a day the test chooses (the clock is moved).
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class WebhookOverdueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    MovableClock clock;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    DataSource dataSource;

    private WebhookReceiver receiver;
    private String hook;

    @BeforeEach
    void cyprusListensForItsPledgesAndOverdueInstalments() {
        Given.contributor("CYP", "Cyprus", "MEMBER_STATE");
        receiver = new WebhookReceiver();
        hook = given().auth().oauth2(TestTokens.partner("CYP")).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("pledge.recorded", "instalment.overdue")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
        receiver.close();
        WebhookEndpoints.deleteAll(dataSource);
    }

    @Test
    void eachUnpaidYearIsAnnouncedOnceTheDayAfterItsDueDateAndNeverAgain() throws Exception {
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        String pledge = Given.pledge("""
                {"contributorCode":"CYP","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED","region":"EUROPE",
                 "currency":"USD","amount":"300000","pledgedOn":"%d-01-10",
                 "schedule":[{"year":%d,"amount":"100000"},{"year":%d,"amount":"100000","dueOn":"%d-06-30"},{"year":%d,"amount":"100000"}]}"""
                .formatted(thisYear, thisYear, thisYear + 1, thisYear + 1, thisYear + 2));
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("amount", "100000", "currency", "USD", "receivedOn", thisYear + "-01-20", "forYear", thisYear))
                .when().post("/api/v1/pledges/{id}/payments", pledge).then().statusCode(201);
        await().atMost(DELIVERY).until(() -> types().contains("pledge.recorded"));

        moveTo(LocalDate.of(thisYear + 1, 6, 30));
        deliveries.sweepOverdue();
        assertEquals(List.of("pledge.recorded"), queued(), "not overdue on its due date");
        moveTo(LocalDate.of(thisYear + 1, 7, 1));
        deliveries.sweepOverdue();
        deliveries.sweepOverdue();
        assertEquals(List.of("instalment.overdue", "pledge.recorded"), queued(), "overdue the day after, once");

        await().atMost(DELIVERY).until(() -> types().size() == 2);
        JsonNode overdue = JSON.readTree(receiver.received().get(1).body());
        assertEquals("instalment.overdue", overdue.get("type").asText());
        assertEquals(pledge, overdue.get("data").get("id").asText());
        assertEquals((thisYear + 1) + "-06-30", overdue.get("data").get("schedule").get(1).get("dueOn").asText());

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(Map.of("reason", "Withdrawn"))
                .when().post("/api/v1/pledges/{id}/cancellation", pledge).then().statusCode(200);
        moveTo(LocalDate.of(thisYear + 3, 1, 2));
        deliveries.sweepOverdue();
        assertEquals(List.of("instalment.overdue", "pledge.recorded"), queued(),
                "the paid year and the year of a cancelled pledge are never overdue, the overdue one only once");
    }

    @Test
    void aSweepAnnouncesEveryOverdueInstalmentWhenTheyFillMoreThanOneSliceOfItsWalk() throws Exception {
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        List<String> pledges = new ArrayList<>();
        for (int day = 1; day <= 101; day++) {
            LocalDate dueOn = LocalDate.of(thisYear + 1, 1, 1).plusDays(day);
            pledges.add(Given.pledge("""
                    {"contributorCode":"CYP","budgetLine":"FOUNDATION_EARMARKED","earmarking":"EARMARKED","region":"EUROPE",
                     "currency":"USD","amount":"1000","pledgedOn":"%d-01-10",
                     "schedule":[{"year":%d,"amount":"1000","dueOn":"%s"}]}""".formatted(thisYear, thisYear + 1, dueOn)));
        }
        await().atMost(DELIVERY).until(() -> count("SELECT count(*) FROM webhook_announced_pledge WHERE pledge_id::text = ANY(?)", pledges) == 101);

        moveTo(LocalDate.of(thisYear + 1, 12, 31));
        deliveries.sweepOverdue();
        assertEquals(101, count("SELECT count(*) FROM webhook_overdue_instalment WHERE pledge_id::text = ANY(?)", pledges),
                "every one of the 101 instalments past due, across the walk's slices of 100");
        deliveries.sweepOverdue();
        assertEquals(101, count("SELECT count(*) FROM webhook_delivery WHERE event_type = 'instalment.overdue' AND ordering_key = ANY(?)", pledges),
                "each announced once, however often the sweep runs");
    }

    private long count(String sql, List<String> pledges) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", pledges.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The types of the endpoint's deliveries, newest first, as its owner sees them. */
    private List<String> queued() {
        return given().auth().oauth2(TestTokens.partner("CYP")).when().get("/api/v1/webhooks/{id}/deliveries", hook)
                .then().statusCode(200).extract().path("items.type");
    }

    private void moveTo(LocalDate day) {
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    private List<String> types() throws Exception {
        List<String> types = new ArrayList<>();
        for (WebhookReceiver.Received request : receiver.received()) {
            types.add(JSON.readTree(request.body()).get("type").asText());
        }
        return types;
    }
}
