package org.unhabitat.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.unhabitat.reporting.config.ConsumptionConfig;
import org.unhabitat.reporting.service.DeadLetterCounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ready while every consumer of both topics runs. The dead-letter counts are shown but do not take the
 * instance out of service: its reports stay right for everything else, and parked events are an operator's
 * to redrive.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private final EventConsumers consumers;
    private final DeadLetterCounts deadLetters;
    private final Duration alive;

    public ConsumersReadiness(EventConsumers consumers, DeadLetterCounts deadLetters, ConsumptionConfig settings) {
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        // A loop waiting out its longest backoff still counts as running.
        this.alive = settings.maxBackoff().plus(settings.pollTimeout()).plusSeconds(30);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers")
                .withData("parkedEvents", deadLetters.parked())
                .withData("rejectedEvents", deadLetters.rejected());
        boolean up = !consumers.byTopic().isEmpty();
        for (Map.Entry<String, List<TopicConsumer>> topic : consumers.byTopic().entrySet()) {
            boolean running = topic.getValue().stream().allMatch(consumer -> consumer.alive(alive));
            up &= running;
            String failure = topic.getValue().stream().map(TopicConsumer::lastFailure).filter(Objects::nonNull).findFirst().orElse(null);
            response.withData(topic.getKey(), running ? (failure == null ? "consuming" : "retrying: " + failure) : "stopped");
        }
        return response.status(up).build();
    }
}
