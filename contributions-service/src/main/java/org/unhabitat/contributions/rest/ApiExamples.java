package org.unhabitat.contributions.rest;

/** Request examples for the OpenAPI document, from the source report's cases, each one a request the service accepts. */
final class ApiExamples {

    static final String PLEDGE = """
            {"contributorCode": "SWE", "budgetLine": "FOUNDATION_EARMARKED", "earmarking": "SOFTLY_EARMARKED",
             "region": "GLOBAL", "currency": "SEK", "amount": "7000000", "pledgedOn": "2021-09-15",
             "schedule": [{"year": 2021, "amount": "7000000"}], "reference": "SE-2021-001"}""";

    static final String PAYMENT = """
            {"amount": "7000000", "currency": "SEK", "receivedOn": "2021-12-10", "forYear": 2021}""";

    static final String CORRECTION = """
            {"amount": "8000000", "schedule": [{"year": 2021, "amount": "8000000"}], "reason": "Agreement amended on 2021-10-01"}""";

    static final String CANCELLATION = """
            {"reason": "Contributor withdrew the balance", "cancelledOn": "2022-01-31"}""";

    static final String CONTRIBUTOR = """
            {"name": "Adaptation Fund", "type": "MULTILATERAL_FUND"}""";

    static final String RATE = """
            {"unitsPerUsd": "8.75"}""";

    static final String PLEDGES_CSV = """
            contributorCode,budgetLine,earmarking,region,currency,amount,pledgedOn,reference,schedule
            SWE,FOUNDATION_EARMARKED,SOFTLY_EARMARKED,GLOBAL,SEK,20800000,2021-09-15,SE-2021-001,2022=10400000;2023=10400000
            NOR,FOUNDATION_NON_EARMARKED,NON_EARMARKED,GLOBAL,NOK,5000000,2021-10-01,"NO-2021-07, core",
            """;

    static final String WEBHOOK = """
            {"url": "https://erp.partner.example/hooks/unhabitat", "events": ["pledge.recorded", "payment.recorded"], "contributorCode": "SWE"}""";

    static final String WEBHOOK_CHANGE = """
            {"enabled": true}""";

    private ApiExamples() {
    }
}
