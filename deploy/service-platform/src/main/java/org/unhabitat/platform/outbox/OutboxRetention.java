package org.unhabitat.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes published events once they are older than {@link OutboxConfig#retention()}, in batches, each
 * its own short transaction. Every instance runs it; batches skip rows another instance is deleting.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true")
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final int BATCH = 5000;

    private final OutboxStore store;
    private final OutboxConfig config;

    public OutboxRetention(OutboxStore store, OutboxConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${outbox.purge-interval:1h}", delayed = "${outbox.purge-interval:1h}", identity = "outbox-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> store.deletePublishedBefore(cutoff, BATCH));
            deleted += batch;
        } while (batch == BATCH);
        QuarkusTransaction.requiringNew().run(store::deleteExpiredLeases);
        if (deleted > 0) {
            LOG.infof("Deleted %d outbox events published before %s", deleted, cutoff);
        }
    }
}
