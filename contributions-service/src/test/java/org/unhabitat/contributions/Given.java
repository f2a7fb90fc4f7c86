package org.unhabitat.contributions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.unhabitat.contributions.repository.KnownProgramme;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/** Reference data that tests put in place through the API, as finance would; repeatable across test classes. */
public final class Given {

    public static void contributor(String code, String name, String type) {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", type))
                .when().put("/api/v1/contributors/" + code)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** The programme of targets-service's contract fixture, announced on targets.events as targets-service would. */
    public static final String FEASIBILITY_FUND = "UIF-FEASIBILITY-FUND";

    /**
     * Announces targets-service's fixture programme (UIF-FEASIBILITY-FUND, Foundation earmarked) on its topic and
     * waits until this service has learnt it from the event: a pledge to it is then accepted.
     */
    public static void feasibilityFundKnown(String bootstrapServers) {
        try {
            String definition = Files.readString(Path.of("../targets-service/src/test/resources/contracts/events/programme.defined.v1.json"));
            KafkaRecords.publish(bootstrapServers, "targets.events", FEASIBILITY_FUND, UUID.randomUUID().toString(),
                    "org.unhabitat.programme.defined.v1", definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownProgramme.findByIdOptional(FEASIBILITY_FUND).isPresent()));
    }

    public static void rate(String currency, String month, String unitsPerUsd) {
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("unitsPerUsd", unitsPerUsd))
                .when().put("/api/v1/exchange-rates/" + currency + "/" + month)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** Posts a pledge as finance and returns its id. */
    public static String pledge(String json) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/pledges")
                .then().statusCode(201).extract().path("id");
    }

    public static String swedenSek7Million(String reference) {
        contributor("SWE", "Sweden", "MEMBER_STATE");
        rate("SEK", "2021-09", "8.75");
        return pledge("""
                {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                 "region":"GLOBAL","currency":"SEK","amount":"7000000","pledgedOn":"2021-09-15",
                 "schedule":[{"year":2021,"amount":"7000000"}],"reference":"%s"}""".formatted(reference));
    }

    private Given() {
    }
}
