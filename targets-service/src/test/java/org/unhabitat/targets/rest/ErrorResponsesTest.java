package org.unhabitat.targets.rest;

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
            () -> given().contentType("application/json").body("{\"amountUsd\":\"1.00\",\"reason\":\"x\"}")
                    .when().put("/api/v1/targets/2021/REGULAR_BUDGET"),
            () -> given().auth().oauth2(TestTokens.partner("SWE")).contentType("application/json")
                    .body("{\"amountUsd\":\"1.00\",\"reason\":\"x\"}").when().put("/api/v1/targets/2021/REGULAR_BUDGET"),
            List.of(() -> given().when().get("/api/v1/no-such-thing"), () -> given().when().get("/api/v2/targets?year=2021")),
            List.of(() -> given().auth().oauth2(TestTokens.finance()).when().delete("/api/v1/targets/2021/REGULAR_BUDGET"),
                    () -> given().auth().oauth2(TestTokens.finance()).when().post("/api/v1/budget-lines")),
            () -> given().auth().oauth2(TestTokens.finance()).accept("application/xml").when().get("/api/v1/budget-lines"),
            "/api/v1/targets/2021/REGULAR_BUDGET", "PUT",
            List.of(() -> given().get("/q/openapi"),
                    () -> given().get("/api/v1/budget-lines"), () -> given().get("/api/v1/targets/2021/NOT_A_LINE"),
                    () -> given().get("/nowhere"),
                    () -> given().contentType("application/json").body("{}").put("/api/v1/targets/2021/REGULAR_BUDGET")),
            "/api/v1/targets?year=2021", "/api/v1/targets/2021/REGULAR_BUDGET",
            "/api/v1/targets/{year}/{budgetLine}", "put"));

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
