package org.unhabitat.reporting.messaging;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommittablePositionsTest {

    private static final TopicPartition REWOUND = new TopicPartition("contributions.events", 0);
    private static final TopicPartition OTHER = new TopicPartition("contributions.events", 1);
    private static final TopicPartition TARGETS = new TopicPartition("targets.events", 0);

    private final CommittablePositions positions = new CommittablePositions();
    private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();

    @Test
    void theLastAppliedRecordOfEachPartitionIsCommittedOnceEvenWhenLowerThanBefore() {
        positions.applied(REWOUND, 41);
        positions.applied(REWOUND, 42);
        positions.applied(OTHER, 7);
        commitTopic("contributions.events");
        commitTopic("contributions.events");
        positions.applied(REWOUND, 3);
        commitTopic("contributions.events");

        assertEquals(List.of(Map.of(REWOUND, new OffsetAndMetadata(43), OTHER, new OffsetAndMetadata(8)),
                Map.of(REWOUND, new OffsetAndMetadata(4))), commits);
    }

    @Test
    void recordsFetchedBeforeARewindKeepNoPositionUntilTheReplaysFirstRecordArrives() {
        positions.applied(REWOUND, 41);
        positions.rewound(Map.of(REWOUND, 0L));
        commitTopic("contributions.events");
        positions.applied(REWOUND, 42);
        positions.applied(REWOUND, 43);
        commitTopic("contributions.events");
        positions.applied(REWOUND, 0);
        positions.applied(REWOUND, 1);
        commitTopic("contributions.events");

        assertEquals(List.of(Map.of(REWOUND, new OffsetAndMetadata(2))), commits);
    }

    @Test
    void eachTopicsPositionsAreCommittedByItsOwnConsumer() {
        positions.applied(REWOUND, 5);
        positions.applied(TARGETS, 9);
        commitTopic("targets.events");

        assertEquals(List.of(Map.of(TARGETS, new OffsetAndMetadata(10))), commits);
    }

    @Test
    void aRevokedPartitionNoLongerWaitsForItsReplay() {
        positions.rewound(Map.of(REWOUND, 0L));
        positions.revoked(List.of(REWOUND));
        positions.applied(REWOUND, 5);
        commitTopic("contributions.events");

        assertEquals(List.of(Map.of(REWOUND, new OffsetAndMetadata(6))), commits);
    }

    private void commitTopic(String topic) {
        positions.drain(topic, commits::add);
    }
}
