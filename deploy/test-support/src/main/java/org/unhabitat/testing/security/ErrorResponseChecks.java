package org.unhabitat.testing.security;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.unhabitat.testing.TestTokens;

import java.util.List;
import java.util.function.Supplier;

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
 * OWASP API8, the same for every service: every error status a service can give is problem+json,
 * and every response says nosniff. Each service names requests of its own that must fail each way.
 */
public final class ErrorResponseChecks {

    /** A JSON array larger than every service's 64 KB body limit. */
    private static final String OVERSIZED_BODY = "[" + "0,".repeat(40_000) + "0]";

    private final Requests requests;

    /**
     * @param withoutToken        a protected request made without a token (401)
     * @param roleNotAllowed      a request whose token has a role that may not make it (403)
     * @param unknownPaths        requests for paths that do not exist (404)
     * @param unsupportedMethods  requests with a method their path does not allow (405)
     * @param unacceptable        a request asking for a media type the path cannot give (406)
     * @param bodyPath            a path that takes a JSON body ...
     * @param bodyMethod          ... with this method, for the 413 and 415 checks
     * @param everyKind           responses of every kind: health, OpenAPI, success, errors, no token
     * @param publicPath          a path anyone may read: other sites may GET it across origins
     * @param writablePath        a path other sites may not write to across origins
     * @param protectedOperation  the OpenAPI path and method of an operation that needs the bearer scheme
     */
    public record Requests(Supplier<Response> withoutToken, Supplier<Response> roleNotAllowed,
                           List<Supplier<Response>> unknownPaths, List<Supplier<Response>> unsupportedMethods,
                           Supplier<Response> unacceptable, String bodyPath, String bodyMethod,
                           List<Supplier<Response>> everyKind, String publicPath, String writablePath, String protectedOperationPath,
                           String protectedOperationMethod) {
    }

    public ErrorResponseChecks(Requests requests) {
        this.requests = requests;
    }

    public void withoutATokenItIs401WithABearerChallenge() {
        Response response = requests.withoutToken().get();
        assertProblem(response, 401);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    public void aRoleThatMayNotIs403() {
        assertProblem(requests.roleNotAllowed().get(), 403);
    }

    public void anUnknownPathIs404() {
        requests.unknownPaths().forEach(request -> assertProblem(request.get(), 404));
    }

    public void anUnsupportedMethodIs405() {
        requests.unsupportedMethods().forEach(request -> assertProblem(request.get(), 405));
    }

    public void anUnacceptableMediaTypeIs406() {
        assertProblem(requests.unacceptable().get(), 406);
    }

    public void anOversizedBodyIs413() {
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(OVERSIZED_BODY)
                .when().request(requests.bodyMethod(), requests.bodyPath()), 413);
    }

    public void anotherBodyMediaTypeIs415() {
        assertProblem(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.TEXT).body("name=value")
                .when().request(requests.bodyMethod(), requests.bodyPath()), 415);
    }

    public void everyKindOfResponseSaysNosniff() {
        for (Supplier<Response> request : requests.everyKind()) {
            Response response = request.get();
            assertEquals("nosniff", response.header("X-Content-Type-Options"), response.getStatusLine());
        }
    }

    public void otherSitesMayOnlyReadAcrossOrigins() {
        given().header("Origin", "https://portal.example.org").header("Access-Control-Request-Method", "GET")
                .when().options(requests.publicPath())
                .then().header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        for (String method : List.of("PUT", "POST", "DELETE")) {
            given().header("Origin", "https://portal.example.org").header("Access-Control-Request-Method", method)
                    .when().options(requests.writablePath())
                    .then().header("Access-Control-Allow-Methods", anyOf(nullValue(), not(containsString(method))));
        }
    }

    public void theOpenApiDocumentDeclaresTheBearerScheme() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'" + requests.protectedOperationPath() + "'." + requests.protectedOperationMethod() + ".security[0]",
                        hasKey("bearer"));
    }

    public void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
