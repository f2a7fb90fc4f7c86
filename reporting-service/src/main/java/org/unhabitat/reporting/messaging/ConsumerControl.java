package org.unhabitat.reporting.messaging;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Map<String, String> TOPIC_BY_CHANNEL = Map.of(
            EventConsumers.TARGETS_CHANNEL, "targets.events",
            EventConsumers.CONTRIBUTIONS_CHANNEL, "contributions.events");

    private final KafkaClientService clients;
    private final CommittablePositions positions;
    private final String bootstrapServers;

    public ConsumerControl(KafkaClientService clients, CommittablePositions positions,
                           @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.clients = clients;
        this.positions = positions;
        this.bootstrapServers = bootstrapServers;
    }

    /** Every partition of both topics, as the broker knows them now. */
    public Set<TopicPartition> partitions() {
        Set<TopicPartition> partitions = new HashSet<>();
        for (Map.Entry<String, String> channelTopic : TOPIC_BY_CHANNEL.entrySet()) {
            clients.getConsumer(channelTopic.getKey()).partitionsFor(channelTopic.getValue()).await().atMost(TIMEOUT)
                    .forEach(partition -> partitions.add(new TopicPartition(partition.topic(), partition.partition())));
        }
        return partitions;
    }

    /**
     * Rewinds those of the requested partitions that this instance owns right now, and returns them.
     * The seek runs on the polling thread, where the assignment cannot change underneath. The
     * beginning is then committed as the group's position, so that the next owner starts from there
     * if this instance dies or a rebalance moves the partition; a crash before that commit leaves
     * the partition requested, and it is rewound again.
     */
    public Set<TopicPartition> rewindOwned(Set<TopicPartition> requested) {
        Set<TopicPartition> rewound = new HashSet<>();
        for (String channel : TOPIC_BY_CHANNEL.keySet()) {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
            Map<TopicPartition, OffsetAndMetadata> beginnings = consumer.runOnPollingThread(kafka -> {
                Set<TopicPartition> owned = kafka.assignment().stream().filter(requested::contains).collect(Collectors.toSet());
                if (owned.isEmpty()) {
                    return Map.<TopicPartition, OffsetAndMetadata>of();
                }
                kafka.seekToBeginning(owned);
                Map<TopicPartition, Long> starts = owned.stream().collect(Collectors.toMap(partition -> partition, kafka::position));
                positions.rewound(starts);
                return starts.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, start -> new OffsetAndMetadata(start.getValue())));
            }).await().atMost(TIMEOUT);
            if (!beginnings.isEmpty()) {
                consumer.commit(beginnings).await().atMost(TIMEOUT);
                rewound.addAll(beginnings.keySet());
            }
        }
        return rewound;
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
