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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The topics reporting reads ({@code reporting.consumption.groups}), each by consumers of its own in its own
 * consumer group. The events of one aggregate share a partition, and each partition is applied in offset
 * order, so they are applied in the order they were published. Several consumers of one topic split its partitions between them, as
 * instances do, and apply their batches side by side.
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
    private final Map<String, List<TopicConsumer>> consumersByTopic = new TreeMap<>();
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
        if (settings.consumersPerTopic() < 1) {
            throw new IllegalStateException("reporting.consumption.consumers-per-topic must be at least 1, not "
                    + settings.consumersPerTopic());
        }
        for (String topic : new TreeSet<>(settings.groups().keySet())) {
            List<TopicConsumer> ofTopic = new ArrayList<>();
            for (int number = 1; number <= settings.consumersPerTopic(); number++) {
                TopicConsumer consumer = new TopicConsumer(topic, settings.groups().get(topic), number, kafkaConfig, settings,
                        consumption, decoder, deadLetterTopic);
                Thread thread = new Thread(consumer, "consume-" + topic + "-" + number);
                thread.setDaemon(true);
                ofTopic.add(consumer);
                threads.add(thread);
            }
            consumersByTopic.put(topic, List.copyOf(ofTopic));
            consumers.addAll(ofTopic);
            Gauge.builder("reporting.consumer.lag", consumersByTopic.get(topic), EventConsumers::lagOf).tag("topic", topic)
                    .description("Records not yet fetched by this instance from the partitions it reads, as of its last fetch")
                    .register(registry);
        }
        threads.forEach(Thread::start);
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

    /** Each topic's consumers in this instance. */
    Map<String, List<TopicConsumer>> byTopic() {
        return Collections.unmodifiableMap(consumersByTopic);
    }

    /** NaN until one of the consumers has fetched: a consumer that has no partition has no lag. */
    private static double lagOf(List<TopicConsumer> consumers) {
        return consumers.stream().mapToDouble(TopicConsumer::lag).filter(lag -> !Double.isNaN(lag))
                .reduce(Double::sum).orElse(Double.NaN);
    }
}
