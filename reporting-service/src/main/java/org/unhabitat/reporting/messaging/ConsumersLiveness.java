package org.unhabitat.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.util.List;
import java.util.Map;

/**
 * Fails once a consumer's loop has ended, which happens only at shutdown or when something it cannot
 * handle killed it: the instance would then stay up and never apply another event of that topic, so
 * the platform must restart it. A consumer retrying through a broker or database outage still runs
 * and stays live; readiness says it is not consuming.
 */
@Liveness
@ApplicationScoped
public class ConsumersLiveness implements HealthCheck {

    private final EventConsumers consumers;

    public ConsumersLiveness(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers running");
        boolean up = !consumers.byTopic().isEmpty();
        for (Map.Entry<String, List<TopicConsumer>> topic : consumers.byTopic().entrySet()) {
            boolean running = topic.getValue().stream().allMatch(TopicConsumer::running);
            up &= running;
            response.withData(topic.getKey(), running ? "running" : "stopped");
        }
        return response.status(up).build();
    }
}
