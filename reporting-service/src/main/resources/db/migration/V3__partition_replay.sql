-- Partitions that a rebuild asked to replay from their beginning. Whichever instance owns a
-- partition in the consumer group rewinds it and deletes its row. The row outlives a crash and a
-- rebalance, so a partition is replayed even when it moves to another instance first.
CREATE TABLE partition_replay (
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_no)
);
