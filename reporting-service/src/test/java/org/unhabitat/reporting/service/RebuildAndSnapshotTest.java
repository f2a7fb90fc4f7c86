package org.unhabitat.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data of 2013, so that no other test's figures fall into it. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class RebuildAndSnapshotTest {

    private static final List<String> REPORTS = List.of(
            "/api/v1/progress?year=2013", "/api/v1/progress?year=2013&asOf=2013-06-30", "/api/v1/progress?plan=2012-2013",
            "/api/v1/regions?year=2013", "/api/v1/top-contributors?year=2013", "/api/v1/monthly?year=2013",
            "/api/v1/donor-base?year=2013", "/api/v1/kpis?year=2013", "/api/v1/forecast?year=2013&asOf=2013-12-31");

    private static final Path PLAN_LINE_CONTRACT =
            Path.of("../targets-service/src/test/resources/contracts/events/plan.line-defined.v1.json");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    ConsumptionStatus consumption;

    @Test
    void aMonthEndSnapshotIsFrozenAndARebuildReplaysEveryEventIntoIdenticalReportsAndStoresTheEndAgain() throws Exception {
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        Contributor japan = new Contributor("JPN", "Japan", "MEMBER_STATE");
        Pledge pledge = events.pledge(japan, "TECHNICAL_COOPERATION", "EARMARKED", "ASIA_PACIFIC", "JPY", "110", "2013-01-15",
                new Entry(2013, "550000000", "5000000.00"), new Entry(2014, "110000000", "1000000.00"));
        events.pay(pledge, "220000000", "100", "2200000.00", "2000000.00", "2013-05-20", 2013);
        events.pay(pledge, "330000000", "120", "2750000.00", "3000000.00", "2013-08-01", 2013);
        String planLine = Files.readString(PLAN_LINE_CONTRACT).replace("2020-2023", "2012-2013")
                .replace("\"startYear\": 2020", "\"startYear\": 2012").replace("\"endYear\": 2023", "\"endYear\": 2013");
        KafkaRecords.publish(bootstrapServers, "targets.events", "2012-2013", UUID.randomUUID().toString(),
                "org.unhabitat.plan.line-defined.v1", planLine);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/progress?year=2013").then()
                .body("lines[3].receivedUsd", equalTo("4950000.00")).body("lines[3].outstandingUsd", equalTo("0.00")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/progress?plan=2012-2013").then()
                .statusCode(200).body("plan", equalTo("2012-2013")));

        String snapshot = given().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/2013-06")
                .then().statusCode(201).body("asOf", equalTo("2013-06-30"))
                .body("progress.lines[3].receivedUsd", equalTo("2200000.00"))
                .body("progress.lines[3].outstandingUsd", equalTo("3000000.00"))
                .extract().asString();
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/2013-06").then().statusCode(200);
        assertEquals(snapshot, given().get("/api/v1/snapshots/2013-06").then().statusCode(200).extract().asString());

        Map<String, String> before = new LinkedHashMap<>();
        REPORTS.forEach(report -> before.put(report, given().get(report).then().statusCode(200).extract().asString()));
        OffsetDateTime rebuildStarted = OffsetDateTime.now();
        long appliedBefore = inboxEntries();

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/rebuild").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String report : REPORTS) {
                assertEquals(before.get(report), given().get(report).then().statusCode(200).extract().asString(), report);
            }
            assertTrue(everyInboxEntryAppliedAfter(rebuildStarted), "every event must have been applied again");
            assertTrue(inboxEntries() >= appliedBefore, "no event may be left out of the replay");
        });
        await().atMost(Duration.ofSeconds(30)).until(consumption::caughtUp);
        assertEquals(snapshot, given().get("/api/v1/snapshots/2013-06").then().statusCode(200).extract().asString());
    }

    @Test
    void onlyAnAdminMayRebuildOrTakeSnapshots() {
        given().post("/api/v1/admin/rebuild").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.finance()).post("/api/v1/admin/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner("SWE")).post("/api/v1/snapshots/2013-01").then().statusCode(403);
        given().get("/api/v1/snapshots/1999-01").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/snapshots/last-month").then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/2999-01").then().statusCode(400);
    }

    private long inboxEntries() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event").getSingleResult()).longValue());
    }

    private boolean everyInboxEntryAppliedAfter(OffsetDateTime moment) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number stale = (Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE applied_at < :moment")
                    .setParameter("moment", moment).getSingleResult();
            Number all = (Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM inbox_event").getSingleResult();
            return stale.longValue() == 0 && all.longValue() > 0;
        });
    }
}
