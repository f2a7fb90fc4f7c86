package org.unhabitat.targets.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.unhabitat.devkit.DevTokens;
import org.unhabitat.targets.Rows;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every rejected change of a target is a problem+json naming what was wrong, and writes nothing at all. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class TargetValidationTest {

    private static final String NEVER_SET = "/api/v1/targets/2023/TECHNICAL_COOPERATION";
    private static final String REFERENCE = "/api/v1/targets/2021/REGULAR_BUDGET";

    @Test
    void aNegativeAmountIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), NEVER_SET, "{\"amountUsd\":\"-1.00\",\"reason\":\"typo\"}"), 400)
                .body("type", equalTo("https://open.unhabitat.org/problems/validation"))
                .body("errors.field", contains("amountUsd"))
                .body("errors.message", contains("must be greater than or equal to 0"));
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), REFERENCE, "{\"amountUsd\":\"14500000.005\",\"reason\":\"typo\"}"), 400)
                .body("errors.field", contains("amountUsd"))
                .body("errors.message", contains(startsWith("numeric value out of bounds")));
    }

    @Test
    void anAmountThatIsNotANumberIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), NEVER_SET, "{\"amountUsd\":\"ten million\",\"reason\":\"typo\"}"), 400)
                .body("errors.field", contains("amountUsd"));
    }

    @Test
    void aMissingAmountIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), NEVER_SET, "{\"reason\":\"no amount\"}"), 400)
                .body("errors.field", contains("amountUsd"))
                .body("errors.message", contains("must not be null"));
    }

    @Test
    void aMissingOrBlankReasonIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), REFERENCE, "{\"amountUsd\":\"15000000.00\"}"), 400)
                .body("errors.field", contains("reason"))
                .body("errors.message", contains("must not be blank"));
        rejected(() -> put(TestTokens.finance(), REFERENCE, "{\"amountUsd\":\"15000000.00\",\"reason\":\"  \"}"), 400)
                .body("errors.field", contains("reason"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        rejected(() -> put(TestTokens.finance(), NEVER_SET, "{\"amountUsd\":\"-0.001\"}"), 400)
                .body("errors.field", contains("amountUsd", "amountUsd", "reason"));
    }

    @Test
    void anUnknownPropertyIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), NEVER_SET,
                "{\"amountUsd\":\"1.00\",\"reason\":\"test\",\"currency\":\"USD\"}"), 400)
                .body("detail", equalTo("Unknown property 'currency'"))
                .body("errors.field", contains("currency"));
    }

    @Test
    void aMissingBodyIsRejected() {
        rejected(() -> given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .when().put(NEVER_SET).then(), 400);
    }

    @Test
    void aYearOutsideEveryPlanIsRejectedWithAFieldError() {
        rejected(() -> put(TestTokens.finance(), "/api/v1/targets/2019/REGULAR_BUDGET",
                "{\"amountUsd\":\"1.00\",\"reason\":\"before the plan\"}"), 400)
                .body("errors.field", contains("year"))
                .body("errors.message", contains("no strategic plan covers 2019; define the plan first"));
    }

    @Test
    void aPartnerOrAdminTokenIsForbiddenBecauseTargetsBelongToFinance() {
        rejected(() -> put(TestTokens.partner("SWE"), NEVER_SET, "{\"amountUsd\":\"1.00\",\"reason\":\"test\"}"), 403)
                .body("detail", equalTo("Your role does not allow this operation"));
        rejected(() -> put(TestTokens.admin(), NEVER_SET, "{\"amountUsd\":\"1.00\",\"reason\":\"test\"}"), 403);
    }

    @Test
    void noTokenIsUnauthorizedEvenWithAnInvalidBody() {
        rejected(() -> given().contentType(ContentType.JSON).body("{\"amountUsd\":\"-1\"}")
                .when().put(NEVER_SET).then(), 401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("A valid bearer token is required"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws IOException {
        String forged = DevTokens.fromKeyDirectory(Files.createTempDirectory("rm-suite-foreign-key"),
                        SuiteInfrastructure.ISSUER, SuiteInfrastructure.AUDIENCE)
                .mint("finance", null, Duration.ofMinutes(5));
        rejected(() -> put(forged, NEVER_SET, "{\"amountUsd\":\"1.00\",\"reason\":\"test\"}"), 401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        String expired = TestTokens.tokens().mint("finance", null, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(30), SuiteInfrastructure.AUDIENCE);
        rejected(() -> put(expired, NEVER_SET, "{\"amountUsd\":\"1.00\",\"reason\":\"test\"}"), 401);
    }

    private static ValidatableResponse put(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    /** Sends the request and checks that it failed as a problem with that status and changed no row. */
    private static ValidatableResponse rejected(Supplier<ValidatableResponse> request, int status) {
        Rows.Snapshot before = Rows.snapshot();
        ValidatableResponse response = request.get()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        assertEquals(before, Rows.snapshot(), "a rejected request writes nothing");
        given().when().get(NEVER_SET + "/history").then().statusCode(404);
        given().when().get(REFERENCE + "/history").then().statusCode(200).body("revision", contains(1));
        return response;
    }
}
