package org.unhabitat.reporting.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;
import org.unhabitat.testing.contract.OpenApiContract;

/**
 * The document partners generate clients from tells the truth, as tools that no one here wrote
 * judge it: Redocly's linter finds nothing, and Prism, validating every answer that passes through
 * it, finds no success or error that breaks the document. Besides each operation's sample, the
 * answers an outside proxy once caught breaking it: progress of a year without targets (targetUsd
 * null), indicators without asOf, and a snapshot of a month without targets.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OpenApiContractTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theLinterFindsNoErrorAndNoWarning() {
        OpenApiContract.assertTheLinterFindsNothing();
    }

    @Test
    void everyAnswerToASampleOfEachOperationKeepsToTheDocument() {
        String month = ReportingUnderTest.FIRST_MONTH.toString();
        OpenApiContract.assertEveryAnswerKeepsToTheDocument(new ReportingUnderTest(dataSource), proxy -> {
            proxy.check("a snapshot taken", proxy.request().auth().oauth2(TestTokens.admin()).post("/api/v1/snapshots/" + month));
            proxy.check("a snapshot of a month without targets", proxy.request().get("/api/v1/snapshots/" + month));
            proxy.check("progress of a year without targets", proxy.request().queryParam("year", "1990").get("/api/v1/progress"));
            proxy.check("progress against a plan", proxy.request().queryParam("plan", "2020-2023").get("/api/v1/progress"));
            proxy.check("indicators without asOf", proxy.request().queryParam("year", "2021").get("/api/v1/kpis"));
            proxy.check("a forecast of a year without targets", proxy.request().queryParam("year", "1990").get("/api/v1/forecast"));
        });
    }
}
