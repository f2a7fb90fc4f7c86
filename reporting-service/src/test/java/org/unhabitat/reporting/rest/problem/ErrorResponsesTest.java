package org.unhabitat.reporting.rest.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unhabitat.testing.security.Problems.assertProblem;

/**
 * OWASP API8: every error status the service can give is problem+json, and every response says
 * nosniff. No endpoint here reads a request body, so there is no 415 to give.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ErrorResponsesTest {

    @Test
    void withoutATokenItIs401WithABearerChallenge() {
        Response response = given().when().post("/api/v1/admin/rebuild");
        assertProblem(response, 401);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void aRoleThatMayNotIs403() {
        assertProblem(given().auth().oauth2(TestTokens.finance()).when().post("/api/v1/admin/rebuild"), 403);
    }

    @Test
    void anUnknownPathIs404() {
        assertProblem(given().when().get("/api/v1/no-such-thing"), 404);
        assertProblem(given().when().get("/api/v1/snapshots/1999-01"), 404);
    }

    @Test
    void anUnsupportedMethodIs405() {
        assertProblem(given().when().delete("/api/v1/progress?year=2021"), 405);
        assertProblem(given().when().post("/api/v1/regions?year=2021"), 405);
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        assertProblem(given().auth().oauth2(TestTokens.finance()).accept("application/xml").when().get("/api/v1/progress?year=2021"), 406);
    }

    @Test
    void anOversizedBodyIs413() {
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body("[" + "0,".repeat(40_000) + "0]")
                .when().post("/api/v1/admin/rebuild"), 413);
    }

    @Test
    void everyKindOfResponseSaysNosniff() {
        for (Response response : List.of(given().get("/q/health/ready"), given().get("/q/openapi"),
                given().get("/api/v1/progress?year=2021"), given().get("/api/v1/progress"), given().get("/nowhere"),
                given().post("/api/v1/admin/rebuild"))) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"), response.getStatusLine());
        }
    }

    @Test
    void otherSitesMayOnlyReadAcrossOrigins() {
        given().header("Origin", "https://portal.example.org").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/progress?year=2021")
                .then().header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        for (String method : List.of("PUT", "POST", "DELETE")) {
            given().header("Origin", "https://portal.example.org").header("Access-Control-Request-Method", method)
                    .when().options("/api/v1/progress?year=2021")
                    .then().header("Access-Control-Allow-Methods", anyOf(nullValue(), not(containsString(method))));
        }
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerScheme() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/admin/rebuild'.post.security[0]", hasKey("bearer"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
