package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class PaymentResourceTest {

    @BeforeEach
    void referenceData() {
        Given.contributor("ITA", "Italy", "MEMBER_STATE");
        Given.contributor("EC", "European Commission", "INTERGOVERNMENTAL");
        Given.rate("EUR", "2020-03", "0.9");
        Given.rate("EUR", "2021-02", "0.825");
        Given.rate("EUR", "2021-06", "0.82");
    }

    @Test
    void aTwoYearPledgePaidLateShowsPriorYearMoneyAndItsExchangeDifference() {
        String pledge = twoYearEuroPledge("IT-CORE-2020-2021");

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"450000","currency":"EUR","receivedOn":"2021-02-10","forYear":2020}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/pledges/" + pledge + "/payments/"))
                .body("amount", equalTo("450000.00"))
                .body("forYear", equalTo(2020))
                .body("receivedOn", equalTo("2021-02-10"))
                .body("fxRate", equalTo("0.825"))
                .body("usdAmount", equalTo("545454.55"))
                .body("usdAtPledgeRate", equalTo("500000.00"))
                .body("fxDifferenceUsd", equalTo("45454.55"));

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge)
                .then().statusCode(200)
                .body("status", equalTo("PARTIALLY_PAID"))
                .body("paid", equalTo("450000.00"))
                .body("paidUsd", equalTo("545454.55"))
                .body("outstanding", equalTo("450000.00"))
                .body("outstandingUsd", equalTo("500000.00"))
                .body("schedule.outstandingUsd", contains("0.00", "500000.00"))
                .body("payments.forYear", contains(2020))
                .body("payments.receivedOn", contains("2021-02-10"));
    }

    @Test
    void aPaymentWithoutForYearSettlesTheEarliestUnpaidYearAndAPaidPledgeOwesNothingWhateverTheRates() {
        String pledge = twoYearEuroPledge("IT-CORE-DEFAULT-YEAR");
        pay(pledge, "450000", "2021-02-10").statusCode(201).body("forYear", equalTo(2020));
        pay(pledge, "450000", "2021-06-01").statusCode(201).body("forYear", equalTo(2021)).body("usdAmount", equalTo("548780.49"));

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge)
                .then().statusCode(200)
                .body("status", equalTo("PAID"))
                .body("outstanding", equalTo("0.00"))
                .body("outstandingUsd", equalTo("0.00"))
                .body("paidUsd", equalTo("1094235.04"))
                .body("payments", hasSize(2));
    }

    @Test
    void payingMoreThanIsOutstandingIsUnprocessable() {
        String pledge = twoYearEuroPledge("IT-OVERPAID");
        pay(pledge, "450000.01", "2021-02-10").statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("Paying 450000.01 EUR would exceed the outstanding balance of 450000.00 for 2020"));
        pay(pledge, "450000", "2021-02-10").statusCode(201);
        pay(pledge, "450000", "2021-06-01").statusCode(201);
        pay(pledge, "1", "2021-06-01").statusCode(422).body("detail", equalTo("The pledge is paid in full; nothing is outstanding"));
    }

    @Test
    void aPaymentInAnotherCurrencyThanThePledgesIsUnprocessable() {
        String pledge = twoYearEuroPledge("IT-WRONG-CURRENCY");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"100","currency":"USD","receivedOn":"2021-02-10"}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(422).body("detail", containsString("The pledge is in EUR"));
    }

    @Test
    void aPaymentReceivedInTheFutureOrInAMonthWithoutARateIsRefused() {
        String pledge = twoYearEuroPledge("IT-BAD-DATES");
        pay(pledge, "100", "2999-01-01").statusCode(400).body("errors.field", contains("receivedOn"));
        pay(pledge, "100", "2021-09-01").statusCode(422).body("detail", containsString("EUR in 2021-09"));
        pay(pledge, "100.001", "2021-02-10").statusCode(400).body("errors.field", contains("amount"));
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge)
                .then().body("payments", hasSize(0)).body("status", equalTo("PLEDGED"));
    }

    @Test
    void cancellationWritesOffTheUnpaidBalanceWithItsReason() {
        String pledge = Given.pledge("""
                {"contributorCode":"EC","budgetLine":"TECHNICAL_COOPERATION","earmarking":"EARMARKED",
                 "region":"AFRICA","currency":"USD","amount":"1000","pledgedOn":"2021-01-10",
                 "schedule":[{"year":2021,"amount":"600"},{"year":2022,"amount":"400"}],"reference":"EC-CANCELLED"}""");
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"600","currency":"USD","receivedOn":"2021-05-05","forYear":2021}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments").then().statusCode(201);

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"reason":"Programme closed early","cancelledOn":"2022-01-31"}""")
                .when().post("/api/v1/pledges/" + pledge + "/cancellation")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation.reason", equalTo("Programme closed early"))
                .body("cancellation.cancelledOn", equalTo("2022-01-31"))
                .body("cancellation.writtenOff", equalTo("400.00"))
                .body("cancellation.writtenOffUsd", equalTo("400.00"))
                .body("outstanding", equalTo("0.00"))
                .body("outstandingUsd", equalTo("0.00"))
                .body("paidUsd", equalTo("600.00"));

        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"1","currency":"USD","receivedOn":"2022-02-01"}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"reason":"Again"}""")
                .when().post("/api/v1/pledges/" + pledge + "/cancellation")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges?contributor=EC&status=CANCELLED")
                .then().statusCode(200).body("items.id", hasItem(pledge));
    }

    @Test
    void aPaymentPostedTwiceWithOneKeyIsRecordedOnceAndReadableByItsPartner() {
        String pledge = twoYearEuroPledge("IT-PAYMENT-RETRY");
        String body = """
                {"amount":"1000","currency":"EUR","receivedOn":"2021-02-10"}""";
        String first = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "payment-" + pledge).body(body)
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(201).extract().asString();
        var replay = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "payment-" + pledge).body(body)
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(201).extract();
        org.junit.jupiter.api.Assertions.assertEquals(first, replay.asString());

        given().auth().oauth2(TestTokens.partner("ITA")).when().get(replay.header("Location"))
                .then().statusCode(200).body("amount", equalTo("1000.00")).body("usdAmount", equalTo("1212.12"));
        given().auth().oauth2(TestTokens.partner("EC")).when().get(replay.header("Location"))
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge)
                .then().body("payments", hasSize(1)).body("paid", equalTo("1000.00"));
    }

    @Test
    void onlyFinanceRecordsPayments() {
        String pledge = twoYearEuroPledge("IT-PARTNER-PAYS");
        given().auth().oauth2(TestTokens.partner("ITA")).contentType(ContentType.JSON)
                .body("""
                        {"amount":"100","currency":"EUR","receivedOn":"2021-02-10"}""")
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theSameReferenceTwiceOnOnePledgeIs409NamingTheFirstPaymentAndWritesNothing() {
        String pledge = twoYearEuroPledge("IT-BANK-REFERENCES");
        String first = payWithReference(pledge, "100000", "BANCA-2021-02-10-7", 201)
                .body("reference", equalTo("BANCA-2021-02-10-7"))
                .body("usdAmount", equalTo("121212.12"))
                .extract().header("Location");

        payWithReference(pledge, "100000", "BANCA-2021-02-10-7", 409)
                .header("Location", endsWith(first.substring(first.indexOf("/api/"))))
                .contentType("application/problem+json")
                .body("paymentId", equalTo(first.substring(first.lastIndexOf('/') + 1)));
        payWithReference(pledge, "350000", "BANCA-2021-02-10-8", 201);

        given().auth().oauth2(TestTokens.finance()).when().get("/api/v1/pledges/" + pledge).then().statusCode(200)
                .body("payments.reference", contains("BANCA-2021-02-10-7", "BANCA-2021-02-10-8"))
                .body("paid", equalTo("450000.00"))
                .body("paidUsd", equalTo("545454.54"));
    }

    @Test
    void aReferenceIsUniquePerPledgeOnly() {
        payWithReference(twoYearEuroPledge("IT-REFERENCE-A"), "1000", "SHARED-BANK-REF", 201);
        payWithReference(twoYearEuroPledge("IT-REFERENCE-B"), "1000", "SHARED-BANK-REF", 201);
    }

    private static io.restassured.response.ValidatableResponse payWithReference(String pledge, String amount, String reference,
                                                                                int status) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"%s","currency":"EUR","receivedOn":"2021-02-10","reference":"%s"}""".formatted(amount, reference))
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then().statusCode(status);
    }

    private static String twoYearEuroPledge(String reference) {
        return Given.pledge("""
                {"contributorCode":"ITA","budgetLine":"FOUNDATION_NON_EARMARKED","earmarking":"NON_EARMARKED",
                 "region":"GLOBAL","currency":"EUR","amount":"900000","pledgedOn":"2020-03-16",
                 "schedule":[{"year":2020,"amount":"450000"},{"year":2021,"amount":"450000"}],"reference":"%s"}""".formatted(reference));
    }

    private static io.restassured.response.ValidatableResponse pay(String pledge, String amount, String receivedOn) {
        return given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON)
                .body("""
                        {"amount":"%s","currency":"EUR","receivedOn":"%s"}""".formatted(amount, receivedOn))
                .when().post("/api/v1/pledges/" + pledge + "/payments")
                .then();
    }
}
