package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.ErrorResponseChecks;

import java.util.List;

import static io.restassured.RestAssured.given;

/** OWASP API8: every error status the service can give is problem+json, and every response says nosniff. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ErrorResponsesTest {

    private static final ErrorResponseChecks CHECKS = new ErrorResponseChecks(new ErrorResponseChecks.Requests(
            () -> given().when().get("/api/v1/pledges"),
            () -> given().auth().oauth2(TestTokens.partner("SWE")).contentType("application/json").body("{\"unitsPerUsd\":\"1\"}")
                    .when().put("/api/v1/exchange-rates/SEK/2021-09"),
            List.of(() -> given().when().get("/api/v1/no-such-thing"), () -> given().when().get("/api/v2/pledges")),
            List.of(() -> given().auth().oauth2(TestTokens.finance()).when().delete("/api/v1/contributors/SWE"),
                    () -> given().auth().oauth2(TestTokens.finance()).when().patch("/api/v1/pledges")),
            () -> given().auth().oauth2(TestTokens.finance()).accept("application/xml").when().get("/api/v1/pledges"),
            "/api/v1/contributors/SWE", "PUT",
            List.of(() -> given().get("/q/openapi"),
                    () -> given().get("/api/v1/exchange-rates/SEK/2021-09"), () -> given().get("/api/v1/pledges"),
                    () -> given().get("/nowhere"), () -> given().auth().oauth2(TestTokens.finance()).get("/api/v1/pledges")),
            "/api/v1/exchange-rates/SEK/2021-09", "/api/v1/exchange-rates/SEK/2021-09",
            "/api/v1/pledges", "post"));

    @Test
    void withoutATokenItIs401WithABearerChallenge() {
        CHECKS.withoutATokenItIs401WithABearerChallenge();
    }

    @Test
    void aRoleThatMayNotIs403() {
        CHECKS.aRoleThatMayNotIs403();
    }

    @Test
    void anUnknownPathIs404() {
        CHECKS.anUnknownPathIs404();
    }

    @Test
    void anUnsupportedMethodIs405() {
        CHECKS.anUnsupportedMethodIs405();
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        CHECKS.anUnacceptableMediaTypeIs406();
    }

    @Test
    void anOversizedBodyIs413() {
        CHECKS.anOversizedBodyIs413();
    }

    @Test
    void anotherBodyMediaTypeIs415() {
        CHECKS.anotherBodyMediaTypeIs415();
    }

    @Test
    void everyKindOfResponseSaysNosniff() {
        CHECKS.everyKindOfResponseSaysNosniff();
    }

    @Test
    void otherSitesMayOnlyReadAcrossOrigins() {
        CHECKS.otherSitesMayOnlyReadAcrossOrigins();
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerScheme() {
        CHECKS.theOpenApiDocumentDeclaresTheBearerScheme();
    }

    @Test
    void swaggerUiIsServed() {
        CHECKS.swaggerUiIsServed();
    }
}
