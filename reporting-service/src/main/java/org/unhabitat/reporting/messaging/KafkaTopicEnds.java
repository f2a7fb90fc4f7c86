package org.unhabitat.reporting.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.unhabitat.reporting.config.ConsumptionConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.unhabitat.reporting.service.TopicEnds;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The broker's view of where reporting's topics end, through one admin client kept for the service's life. */
@ApplicationScoped
public class KafkaTopicEnds implements TopicEnds {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;
    private final List<String> topicNames;
    private Admin admin;

    public KafkaTopicEnds(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ConsumptionConfig settings) {
        this.kafkaConfig = kafkaConfig;
        this.topicNames = List.copyOf(settings.groups().keySet());
    }

    @Override
    public synchronized Map<String, Map<Integer, Long>> endOffsets() {
        try {
            Map<String, TopicDescription> topics = admin().describeTopics(topicNames).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
            ends.forEach((partition, end) -> byTopic.computeIfAbsent(partition.topic(), topic -> new HashMap<>())
                    .put(partition.partition(), end.offset()));
            return byTopic;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new IllegalStateException("The broker did not say where the topics end: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the broker where the topics end", e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(TIMEOUT);
        }
    }
}
