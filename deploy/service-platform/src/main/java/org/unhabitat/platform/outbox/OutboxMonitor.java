package org.unhabitat.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;
import org.unhabitat.platform.outbox.OutboxStore.Backlog;

import java.time.Duration;
import java.time.Instant;

/**
 * What an operator needs to see of the outbox: the backlog (events the broker has not acknowledged, and
 * the age of the oldest) on {@code /q/metrics}, and a liveness check that fails once the relay thread
 * has died, so that the platform restarts an instance whose events would otherwise wait for ever. A
 * broker or database outage does not fail it: the relay keeps running and retries, and a restart
 * would not help.
 */
@Liveness
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true")
public class OutboxMonitor implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(OutboxMonitor.class);
    /** Scrapes and probes close together share one count. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final OutboxRelay relay;
    private final OutboxStore store;
    private final MeterRegistry registry;
    /** Null until first counted, and again while the database cannot be asked: a gauge then shows NaN, never a made-up 0. */
    private volatile Backlog backlog;
    private volatile Instant countedAt = Instant.MIN;

    public OutboxMonitor(OutboxRelay relay, OutboxStore store, MeterRegistry registry) {
        this.relay = relay;
        this.store = store;
        this.registry = registry;
    }

    void registerGauges(@Observes StartupEvent startup) {
        Gauge.builder("outbox.backlog", this, self -> self.backlog() == null ? Double.NaN : self.backlog().events())
                .description("Events written with their change and not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("outbox.oldest.pending", this,
                        self -> self.backlog() == null ? Double.NaN : self.backlog().oldestWaiting().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("How long the oldest event not yet acknowledged by the broker has waited")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        boolean running = relay.running();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay").status(running)
                .withData("relay", running ? "running" : "stopped");
        Backlog current = backlog();
        if (current != null) {
            response.withData("pendingEvents", current.events());
        }
        return response.build();
    }

    Backlog backlog() {
        if (countedAt.plus(FRESH_FOR).isBefore(Instant.now())) {
            try {
                backlog = QuarkusTransaction.requiringNew().call(store::backlog);
            } catch (RuntimeException unreachable) {
                backlog = null;
                LOG.debugf("Outbox backlog not counted: %s", unreachable.getMessage());
            }
            countedAt = Instant.now();
        }
        return backlog;
    }
}
