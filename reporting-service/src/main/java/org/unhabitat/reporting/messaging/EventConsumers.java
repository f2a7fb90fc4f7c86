package org.unhabitat.reporting.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.unhabitat.reporting.config.ConsumptionConfig;
import org.unhabitat.reporting.messaging.events.EventDecoder;
import org.unhabitat.reporting.service.ConsumptionService;
import org.unhabitat.reporting.service.ReadModelRebuilt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The topics reporting reads ({@code reporting.consumption.groups}), each by a consumer of its own in its own consumer group. The events of
 * one aggregate share a partition, and each partition is applied in offset order, so they are applied in
 * the order they were published.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Map<String, Object> kafkaConfig;
    private final ConsumptionConfig settings;
    private final ConsumptionService consumption;
    private final EventDecoder decoder;
    private final DeadLetterTopic deadLetterTopic;
    private final MeterRegistry registry;
    private final List<TopicConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public EventConsumers(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ConsumptionConfig settings,
                          ConsumptionService consumption, EventDecoder decoder, DeadLetterTopic deadLetterTopic,
                          MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
        this.consumption = consumption;
        this.decoder = decoder;
        this.deadLetterTopic = deadLetterTopic;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup) {
        for (String topic : new TreeSet<>(settings.groups().keySet())) {
            TopicConsumer consumer = new TopicConsumer(topic, settings.groups().get(topic), kafkaConfig, settings, consumption,
                    decoder, deadLetterTopic);
            Thread thread = new Thread(consumer, "consume-" + topic);
            thread.setDaemon(true);
            consumers.add(consumer);
            threads.add(thread);
            Gauge.builder("reporting.consumer.lag", consumer, TopicConsumer::lag).tag("topic", topic)
                    .description("Records not yet fetched by this instance from the partitions it reads, as of its last fetch")
                    .register(registry);
            thread.start();
        }
    }

    /** Consumers leave their groups at once, so that their partitions move to other instances without waiting. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        consumers.forEach(TopicConsumer::stop);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop within 10 s", thread.getName());
            }
        }
    }

    /** A rebuild asked of this instance: its consumers seek at once rather than at their next look. */
    void rebuilt(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadModelRebuilt rebuilt) {
        consumers.forEach(TopicConsumer::checkGenerationNow);
    }

    List<TopicConsumer> consumers() {
        return List.copyOf(consumers);
    }
}
