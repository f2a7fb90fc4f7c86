package org.unhabitat.reporting.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.generative.GenerativeHostileSuite;

import java.util.stream.Stream;

/** Every write operation of the service's own OpenAPI document under requests derived from it (see {@link GenerativeHostileSuite}). */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class GenerativeHostileRequestTest {

    @Inject
    AgroalDataSource dataSource;

    @TestFactory
    Stream<DynamicNode> everyWriteOperationAnswersGeneratedRequestsAsItsDocumentSays() {
        return GenerativeHostileSuite.against(new ReportingUnderTest(dataSource));
    }
}
