package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.generative.GenerativeHostileSuite;

import java.util.stream.Stream;
import javax.sql.DataSource;

/** Every write operation of the service's own OpenAPI document under requests derived from it (see {@link GenerativeHostileSuite}). */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class GenerativeHostileRequestTest {

    @Inject
    DataSource dataSource;

    @TestFactory
    Stream<DynamicNode> everyWriteOperationAnswersGeneratedRequestsAsItsDocumentSays() {
        return GenerativeHostileSuite.against(new ContributionsUnderTest(dataSource));
    }
}
