package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.WebhookEndpoints;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/** Webhook endpoints through the API: who may create, see and change which, and which urls are refused when saved. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class WebhookResourceTest {

    private static final String PUBLIC_URL = "https://erp.partner.example/hooks/unhabitat";

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeTheEndpoints() {
        WebhookEndpoints.deleteAll(dataSource);
    }

    @BeforeEach
    void luxembourgAndMaltaAreContributors() {
        Given.contributor("LUX", "Luxembourg", "MEMBER_STATE");
        Given.contributor("MLT", "Malta", "MEMBER_STATE");
    }

    @Test
    void aPartnersEndpointIsForItsOwnPledgesAndItsSecretIsShownOnlyOnCreation() {
        Response created = create(TestTokens.partner("LUX"), Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded", "payment.recorded")));
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("contributorCode", equalTo("LUX"))
                .body("url", equalTo(PUBLIC_URL))
                .body("events", equalTo(List.of("pledge.recorded", "payment.recorded")))
                .body("enabled", equalTo(true))
                .body("secret", startsWith("whsec_"));
        String id = created.path("id");
        assertNotEquals(null, created.header("Location"));

        given().auth().oauth2(TestTokens.partner("LUX")).when().get("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("secret", nullValue());
        given().auth().oauth2(TestTokens.partner("LUX")).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("id", hasItem(id)).body("contributorCode", everyItem(equalTo("LUX"))).body("secret", everyItem(nullValue()));
    }

    @Test
    void anotherPartnerNeitherSeesNorTouchesItAndCannotSubscribeToAnothersPledges() {
        String luxembourgs = create(TestTokens.partner("LUX"), Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded"))).path("id");
        String malta = TestTokens.partner("MLT");

        assertProblem(create(malta, Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded"), "contributorCode", "LUX")), 404);
        assertProblem(given().auth().oauth2(malta).when().get("/api/v1/webhooks/{id}", luxembourgs), 404);
        assertProblem(given().auth().oauth2(malta).when().get("/api/v1/webhooks/{id}/deliveries", luxembourgs), 404);
        assertProblem(given().auth().oauth2(malta).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/v1/webhooks/{id}", luxembourgs), 404);
        assertProblem(given().auth().oauth2(malta).when().post("/api/v1/webhooks/{id}/secret", luxembourgs), 404);
        assertProblem(given().auth().oauth2(malta).when().delete("/api/v1/webhooks/{id}", luxembourgs), 404);
        given().auth().oauth2(malta).when().get("/api/v1/webhooks").then().statusCode(200).body("id", not(hasItem(luxembourgs)));

        given().auth().oauth2(TestTokens.partner("LUX")).when().get("/api/v1/webhooks/{id}", luxembourgs).then().statusCode(200)
                .body("enabled", equalTo(true));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/webhooks").then().statusCode(200).body("id", hasItem(luxembourgs));
    }

    @Test
    void financeMaySubscribeForAnyContributorOrForAll() {
        create(TestTokens.finance(), Map.of("url", PUBLIC_URL, "events", List.of("pledge.cancelled"), "contributorCode", "MLT"))
                .then().statusCode(201).body("contributorCode", equalTo("MLT"));
        create(TestTokens.finance(), Map.of("url", PUBLIC_URL, "events", List.of("pledge.cancelled")))
                .then().statusCode(201).body("contributorCode", nullValue());
        problem(create(TestTokens.finance(), Map.of("url", PUBLIC_URL, "events", List.of("pledge.cancelled"),
                "contributorCode", "NOT-REGISTERED")), 400).body("errors.field", hasItem("contributorCode"));
    }

    /** Through the API, with the tests' setting, which allows http://127.0.0.1 and nothing else that production refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"http://erp.partner.example/hooks", "https://10.1.2.3/hooks", "https://192.168.0.10/hooks",
            "https://172.20.0.1/hooks", "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks", "https://127.0.0.2/hooks",
            "https://localhost/hooks", "http://localhost:8089/hooks", "https://[fe80::1]/hooks", "https://[::ffff:10.0.0.1]/hooks"})
    void aUrlThatIsNotHttpsOrPointsToAPrivateLoopbackOrLinkLocalAddressIsRefusedWhenSaved(String url) {
        problem(create(TestTokens.partner("LUX"), Map.of("url", url, "events", List.of("pledge.recorded"))), 400).body("errors.field", hasItem("url"));
        String id = create(TestTokens.partner("LUX"), Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded"))).path("id");
        problem(given().auth().oauth2(TestTokens.partner("LUX")).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().patch("/api/v1/webhooks/{id}", id), 400).body("errors.field", hasItem("url"));
        given().auth().oauth2(TestTokens.partner("LUX")).when().get("/api/v1/webhooks/{id}", id).then().body("url", equalTo(PUBLIC_URL));
    }

    @Test
    void anUnknownEventNameIsRefused() {
        problem(create(TestTokens.partner("LUX"), Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded", "pledge.deleted"))), 400).body("errors.field", hasItem("events[1]"));
    }

    @Test
    void patchChangesTheUrlAndEventsAndPausesAndReenables() {
        String id = create(TestTokens.partner("LUX"), Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded"))).path("id");
        String partner = TestTokens.partner("LUX");
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("url", PUBLIC_URL + "-v2", "events", List.of("instalment.overdue", "payment.recorded")))
                .when().patch("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo(PUBLIC_URL + "-v2")).body("events", equalTo(List.of("instalment.overdue", "payment.recorded")))
                .body("enabled", equalTo(true));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", startsWith("Paused by"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().patch("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
    }

    @Test
    void rotationGivesANewSecretOnceAndDeletionRemovesTheEndpoint() {
        String partner = TestTokens.partner("LUX");
        Response created = create(partner, Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded")));
        String id = created.path("id");
        String rotated = given().auth().oauth2(partner).when().post("/api/v1/webhooks/{id}/secret", id)
                .then().statusCode(200).body("id", equalTo(id)).body("secret", startsWith("whsec_")).extract().path("secret");
        assertNotEquals(created.<String>path("secret"), rotated);
        given().auth().oauth2(partner).when().get("/api/v1/webhooks/{id}", id).then().body("secret", nullValue());

        given().auth().oauth2(partner).when().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        assertProblem(given().auth().oauth2(partner).when().get("/api/v1/webhooks/{id}", id), 404);
    }

    @Test
    void anIdempotencyKeyReplaysTheCreation() {
        String partner = TestTokens.partner("LUX");
        Map<String, Object> body = Map.of("url", PUBLIC_URL, "events", List.of("pledge.recorded"));
        Response first = given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", "lux-hook-1").body(body)
                .when().post("/api/v1/webhooks");
        first.then().statusCode(201).body("id", notNullValue());
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", "lux-hook-1").body(body)
                .when().post("/api/v1/webhooks").then().statusCode(201).body("id", equalTo(first.path("id")));
    }

    static ValidatableResponse problem(Response response, int status) {
        assertProblem(response, status);
        return response.then();
    }

    static Response create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks");
    }
}
