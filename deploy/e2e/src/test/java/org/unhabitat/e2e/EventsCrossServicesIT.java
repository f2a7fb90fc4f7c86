package org.unhabitat.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

class EventsCrossServicesIT {

    private static SuiteUnderTest suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = new SuiteUnderTest();
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void thePlanThatTargetsServiceShipsReachesReportingServiceThroughTheBroker() {
        given().get(suite.url("targets") + "/api/v1/plans/2020-2023").then().statusCode(200).body("totalUsd", equalTo("970000000.00"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(suite.url("reporting") + "/api/v1/progress?plan=2020-2023")
                .then().statusCode(200)
                .body("lines.budgetLine", contains("REGULAR_BUDGET", "FOUNDATION_NON_EARMARKED", "FOUNDATION_EARMARKED", "TECHNICAL_COOPERATION"))
                .body("lines.targetUsd", contains("60000000.00", "41000000.00", "262000000.00", "607000000.00"))
                .body("lines.receivedUsd", contains("0.00", "0.00", "0.00", "0.00"))
                .body("totals.targetUsd", equalTo("970000000.00")));
    }
}
