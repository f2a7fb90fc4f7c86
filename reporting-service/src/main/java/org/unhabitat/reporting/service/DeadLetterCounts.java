package org.unhabitat.reporting.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.repository.DeadLetterRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How many records wait in the dead-letter list, for the metrics and the readiness check: a parked event
 * is never applied silently late, so an operator must see it. Counted across instances, at most once a
 * second whatever the number of scrapes; the last count stands while the database cannot be reached.
 */
@ApplicationScoped
public class DeadLetterCounts {

    private static final Logger LOG = Logger.getLogger(DeadLetterCounts.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final DeadLetterService deadLetters;
    private final MeterRegistry registry;
    private volatile Map<String, Long> counts = Map.of(DeadLetterRepository.PARKED, 0L, DeadLetterRepository.REJECTED, 0L);
    private volatile Instant countedAt = Instant.MIN;

    public DeadLetterCounts(DeadLetterService deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    void registerGauges(@Observes StartupEvent startup) {
        Gauge.builder("reporting.dead.letters", this, self -> self.count(DeadLetterRepository.PARKED))
                .tag("kind", "parked")
                .description("Valid events that could not be applied and wait to be redriven")
                .register(registry);
        Gauge.builder("reporting.dead.letters", this, self -> self.count(DeadLetterRepository.REJECTED))
                .tag("kind", "rejected")
                .description("Records the event contracts refuse: malformed, or of an unknown type or version")
                .register(registry);
    }

    public long parked() {
        return count(DeadLetterRepository.PARKED);
    }

    public long rejected() {
        return count(DeadLetterRepository.REJECTED);
    }

    private long count(String kind) {
        if (countedAt.plus(FRESH_FOR).isBefore(Instant.now())) {
            try {
                counts = deadLetters.counts();
            } catch (RuntimeException unreachable) {
                LOG.debugf("Dead letters not counted: %s", unreachable.getMessage());
            }
            countedAt = Instant.now();
        }
        return counts.getOrDefault(kind, 0L);
    }
}
