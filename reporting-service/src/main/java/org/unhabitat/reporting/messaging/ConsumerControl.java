package org.unhabitat.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Where reporting's consumers stand in their topics, and rewinding them for a rebuild. */
@ApplicationScoped
public class ConsumerControl {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> GROUP_BY_TOPIC = Map.of(
            "targets.events", "reporting-service.targets",
            "contributions.events", "reporting-service.contributions");

    private final KafkaClientService clients;
    private final String bootstrapServers;

    public ConsumerControl(KafkaClientService clients, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.clients = clients;
        this.bootstrapServers = bootstrapServers;
    }

    /** Replays both topics from their beginning on this instance's partitions; the inbox drops what was already applied. */
    public void rewindToBeginning() {
        for (String channel : List.of(EventConsumers.TARGETS_CHANNEL, EventConsumers.CONTRIBUTIONS_CHANNEL)) {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
            consumer.getAssignments()
                    .chain(partitions -> partitions.isEmpty() ? Uni.createFrom().voidItem() : consumer.seekToBeginning(partitions))
                    .await().atMost(TIMEOUT);
        }
    }

    /**
     * Whether every event published so far has been applied and committed, across all instances:
     * what a frozen month-end snapshot needs before it is taken.
     */
    public boolean caughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            for (Map.Entry<String, String> topicGroup : GROUP_BY_TOPIC.entrySet()) {
                if (!caughtUp(admin, topicGroup.getKey(), topicGroup.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean caughtUp(Admin admin, String topic, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin.describeTopics(List.of(topic))
                .allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = described.get(topic).partitions().stream()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()), partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset()));
    }
}
