package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.contract.OpenApiContract;

import javax.sql.DataSource;

/**
 * The document partners generate clients from tells the truth, as tools that no one here wrote
 * judge it: Redocly's linter finds nothing, and Prism, validating every answer that passes through
 * it, finds no success or error that breaks the document.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OpenApiContractTest {

    @Inject
    DataSource dataSource;

    @Test
    void theLinterFindsNoErrorAndNoWarning() {
        OpenApiContract.assertTheLinterFindsNothing();
    }

    @Test
    void everyAnswerToASampleOfEachOperationKeepsToTheDocument() {
        OpenApiContract.assertEveryAnswerKeepsToTheDocument(new ContributionsUnderTest(dataSource), proxy -> { });
    }
}
