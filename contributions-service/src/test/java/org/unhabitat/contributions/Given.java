package org.unhabitat.contributions;

import io.restassured.http.ContentType;
import org.unhabitat.testing.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
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
