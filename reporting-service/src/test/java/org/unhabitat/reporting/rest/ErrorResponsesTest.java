package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.security.ErrorResponseChecks;

import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * OWASP API8: every error status the service can give is problem+json, and every response says
 * nosniff. No endpoint here reads a request body, so there is no 415 to give.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ErrorResponsesTest {

    private static final ErrorResponseChecks CHECKS = new ErrorResponseChecks(new ErrorResponseChecks.Requests(
            () -> given().when().post("/api/v1/admin/rebuild"),
            () -> given().auth().oauth2(TestTokens.finance()).when().post("/api/v1/admin/rebuild"),
            List.of(() -> given().when().get("/api/v1/no-such-thing"), () -> given().when().get("/api/v1/snapshots/1999-01")),
            List.of(() -> given().when().delete("/api/v1/progress?year=2021"), () -> given().when().post("/api/v1/regions?year=2021")),
            () -> given().auth().oauth2(TestTokens.finance()).accept("application/xml").when().get("/api/v1/progress?year=2021"),
            "/api/v1/admin/rebuild", "POST",
            List.of(() -> given().get("/q/openapi"),
                    () -> given().get("/api/v1/progress?year=2021"), () -> given().get("/api/v1/progress"),
                    () -> given().get("/nowhere"), () -> given().post("/api/v1/admin/rebuild")),
            "/api/v1/progress?year=2021", "/api/v1/progress?year=2021",
            "/api/v1/admin/rebuild", "post"));

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
