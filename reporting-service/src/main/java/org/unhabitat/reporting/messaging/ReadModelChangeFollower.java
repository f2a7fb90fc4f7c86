package org.unhabitat.reporting.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.repository.ReadModelVersionRepository;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this instance following the read model's change notifications, whichever instance or session
 * committed them, and follows again after the database connection was lost. Until it is back, reports read
 * the read model's version on every request: slower, never stale.
 */
@ApplicationScoped
public class ReadModelChangeFollower {

    private static final Logger LOG = Logger.getLogger(ReadModelChangeFollower.class);
    private static final long RETRY_MILLIS = 1000;

    private final ReadModelVersionRepository versions;
    private volatile boolean running;
    private Thread thread;

    public ReadModelChangeFollower(ReadModelVersionRepository versions) {
        this.versions = versions;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::follow, "follow-read-model-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void follow() {
        boolean lostReported = false;
        while (running) {
            long started = System.nanoTime();
            try {
                versions.followChanges(() -> running);
            } catch (SQLException | RuntimeException lost) {
                if (System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(2 * RETRY_MILLIS)) {
                    lostReported = false;
                }
                if (!lostReported) {
                    LOG.warnf("Not following the read model's changes (%s); reports read its version on every request until this is back",
                            lost.getMessage());
                    lostReported = true;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }
}
