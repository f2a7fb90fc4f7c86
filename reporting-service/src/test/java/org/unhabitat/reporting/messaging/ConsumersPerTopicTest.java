package org.unhabitat.reporting.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two consumers per topic, so that a replay's batches are folded here while others are written there. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ConsumersPerTopicTest {

    private static final Duration SETTLED = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachTopicIsReadByTwoConsumersOfThisInstanceThatShareNoPartition() {
        String thisInstance = "-" + ProcessHandle.current().pid() + "-";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String group : List.of("reporting-service.contributions", "reporting-service.targets")) {
                await(group).atMost(SETTLED).untilAsserted(() -> {
                    List<MemberDescription> ours = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                            .get(group).members().stream().filter(member -> member.clientId().contains(thisInstance)).toList();
                    assertEquals(2, ours.size(), group + "'s consumers in this instance: " + ours);
                    Set<TopicPartition> seen = new HashSet<>();
                    for (MemberDescription member : ours) {
                        Set<TopicPartition> assigned = member.assignment().topicPartitions();
                        assertFalse(assigned.isEmpty(), member.clientId() + " has no partition");
                        for (TopicPartition partition : assigned) {
                            assertTrue(seen.add(partition), partition + " is assigned twice");
                        }
                    }
                });
            }
        }
    }
}
