package org.unhabitat.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.outbox.OutboxOrderingCheck;

import javax.sql.DataSource;

/** Several instances relay one outbox (another instance is played by the leases it would hold), and operators see its backlog. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class OutboxRelayOrderingTest {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private OutboxOrderingCheck check;

    @BeforeEach
    void check() {
        check = new OutboxOrderingCheck(dataSource, bootstrapServers, "contributions.events");
    }

    @Test
    void anAggregateLeasedByAnotherInstanceWaitsWhileOthersArePublishedThenKeepsItsOrder() throws Exception {
        check.anAggregateLeasedByAnotherInstanceWaitsWhileOthersArePublishedThenKeepsItsOrder();
    }

    @Test
    void anExpiredLeaseIsTakenOver() throws Exception {
        check.anExpiredLeaseIsTakenOver();
    }

    @Test
    void anEventTheBrokerRefusesHoldsBackOnlyItsOwnAggregate() throws Exception {
        check.anEventTheBrokerRefusesHoldsBackOnlyItsOwnAggregate();
    }

    @Test
    void publishedEventsAreDeletedOnceOlderThanTheRetentionAndPendingOnesNever() throws Exception {
        check.publishedEventsAreDeletedOnceOlderThanTheRetentionAndPendingOnesNever();
    }

    @Test
    void theBacklogGaugesCountEventsTheBrokerHasNotAcknowledged() throws Exception {
        check.theBacklogGaugesCountEventsTheBrokerHasNotAcknowledged(() -> metrics.get("outbox.backlog").gauge().value(),
                () -> metrics.get("outbox.oldest.pending").gauge().value());
    }
}
