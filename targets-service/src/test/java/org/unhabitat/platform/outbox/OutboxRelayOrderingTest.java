package org.unhabitat.platform.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.outbox.OutboxOrderingCheck;

import javax.sql.DataSource;

/** Several instances relay one outbox; the second relay is played by a connection holding its locks. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OutboxRelayOrderingTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAggregateHeldByAnotherRelayWaitsWhileOtherAggregatesArePublishedThenKeepsItsOrder() throws Exception {
        new OutboxOrderingCheck(dataSource, bootstrapServers, "targets.events", OutboxRelay.AGGREGATE_LOCK_CLASS).run();
    }
}
