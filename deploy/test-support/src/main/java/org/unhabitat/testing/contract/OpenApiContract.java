package org.unhabitat.testing.contract;

import io.restassured.RestAssured;
import org.unhabitat.testing.generative.OpenApiDocument;
import org.unhabitat.testing.generative.ServiceUnderTest;

import java.util.function.Consumer;

import static io.restassured.RestAssured.given;

/**
 * The checks every service's OpenApiContractTest makes of the document it serves: the linter finds
 * nothing, and no answer to the sample of each operation breaks the document.
 */
public final class OpenApiContract {

    public static void assertTheLinterFindsNothing() {
        OpenApiLinter.assertClean(liveDocument());
    }

    /**
     * @param answersOfItsOwn requests a service sends through the proxy besides the sample: answers that
     *                        only its data produces (a report of a year without targets, say)
     */
    public static void assertEveryAnswerKeepsToTheDocument(ServiceUnderTest service, Consumer<ValidatingProxy> answersOfItsOwn) {
        String document = liveDocument();
        try (ValidatingProxy proxy = ValidatingProxy.start(document, RestAssured.port)) {
            answersOfItsOwn.accept(proxy);
            DocumentSample.sendEveryOperation(proxy, OpenApiDocument.parse(document), service);
            proxy.assertNoViolations();
        }
    }

    private static String liveDocument() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
    }

    private OpenApiContract() {
    }
}
