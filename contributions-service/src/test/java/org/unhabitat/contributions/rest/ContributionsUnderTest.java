package org.unhabitat.contributions.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.generative.ApiOperation;
import org.unhabitat.testing.generative.ServiceUnderTest;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;

/**
 * The service as the document-driven tests see it: finance may make every write, a partner of
 * another country may not, and a request that may be accepted gets a pledge, contributor or month
 * of its own, so that what it changes is no other test's reference data.
 */
final class ContributionsUnderTest implements ServiceUnderTest {

    /** The pledge of the document's examples: SEK 7 million from Sweden for 2021, paid in December. */
    private static final String EXAMPLE_PLEDGE = """
            {"contributorCode":"SWE","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED","region":"GLOBAL",
             "currency":"SEK","amount":"7000000","pledgedOn":"2021-09-15","schedule":[{"year":2021,"amount":"7000000"}]}""";

    private final DataSource dataSource;
    private final AtomicInteger fresh = new AtomicInteger();
    /** Minted once: a run of the suite takes minutes, the tokens last half an hour. */
    private final String allowed = TestTokens.finance();
    private final String mayNot = TestTokens.partner("DNK");
    private final String sharedPledge;
    private String sharedWebhook;

    /** Puts in place what the document's examples name: Sweden, its September and December 2021 rates, one pledge. */
    ContributionsUnderTest(DataSource dataSource) {
        this.dataSource = dataSource;
        Given.contributor("SWE", "Sweden", "MEMBER_STATE");
        Given.rate("SEK", "2021-09", "8.75");
        Given.rate("SEK", "2021-12", "9.05");
        this.sharedPledge = Given.pledge(EXAMPLE_PLEDGE);
    }

    @Override
    public String tokenFor(ApiOperation operation) {
        return allowed;
    }

    @Override
    public String tokenOfARoleThatMayNot(ApiOperation operation) {
        return mayNot;
    }

    @Override
    public Map<String, String> pathValues(ApiOperation operation, boolean freshValues) {
        int next = fresh.incrementAndGet();
        if (operation.path().startsWith("/api/v1/webhooks/{id}")) {
            String webhook = freshValues && operation.writes() ? webhook() : sharedWebhook();
            return operation.path().contains("{deliveryId}")
                    ? Map.of("id", webhook, "deliveryId", UUID.randomUUID().toString())
                    : Map.of("id", webhook);
        }
        if (operation.path().contains("{id}")) {
            return Map.of("id", freshValues && operation.writes() ? Given.pledge(EXAMPLE_PLEDGE) : sharedPledge);
        }
        if (operation.path().contains("{code}")) {
            return Map.of("code", freshValues && operation.writes() ? "GENERATED-" + next : "SWE");
        }
        if (operation.path().contains("{currency}")) {
            return freshValues && operation.writes()
                    ? Map.of("currency", "ZAR", "month", YearMonth.of(2040, 1).plusMonths(next).toString())
                    : Map.of("currency", "SEK", "month", "2021-09");
        }
        return Map.of();
    }

    /**
     * The import takes a CSV file, which the generator does not write (ImportResourceTest sends valid files); resending
     * needs a delivery, which needs an event to fan out (WebhookDeliveryTest proves it through a receiver).
     */
    @Override
    public boolean sendsValidRequests(ApiOperation operation) {
        return !operation.path().equals(ImportResource.PATH) && !operation.path().endsWith("/resend");
    }

    private String sharedWebhook() {
        if (sharedWebhook == null) {
            sharedWebhook = webhook();
        }
        return sharedWebhook;
    }

    /** An endpoint for Sweden's cancellations, at a host that does not resolve: nothing is ever delivered to it. */
    private String webhook() {
        return given().auth().oauth2(allowed).contentType(ContentType.JSON)
                .body(Map.of("url", "https://erp.partner.example/hooks/unhabitat", "events", List.of("pledge.cancelled"),
                        "contributorCode", "SWE"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    @Override
    public void makeRepeatable(ApiOperation operation, ObjectNode body) {
        if (body.has("reference")) {
            body.put("reference", "GENERATED-" + fresh.incrementAndGet());
        }
    }

    @Override
    public Object ledger() {
        return Ledger.rows(dataSource);
    }
}
