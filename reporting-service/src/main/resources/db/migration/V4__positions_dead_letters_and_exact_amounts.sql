-- Where each partition's consumption stands, written in the same transaction as the read-model change
-- that consumed it: the source of truth for where consumption resumes. Kafka's committed offsets are
-- kept for monitoring only. A rebuild resets every row and moves it to the new generation.
CREATE TABLE consumer_position (
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    next_offset  BIGINT       NOT NULL CHECK (next_offset >= 0),
    generation   BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

-- The read model's generation: a rebuild moves it on, and every instance that sees a new value
-- seeks its partitions to their stored positions.
CREATE TABLE read_model_generation (
    singleton  BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    generation BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO read_model_generation (generation) VALUES (1);

-- Replaced by consumer_position: a rebuild no longer asks the owner of each partition to rewind it.
DROP TABLE partition_replay;

-- Records that were not applied: REJECTED when the contract refuses them (malformed, unknown type or
-- version; also sent to reporting.dead-letter), PARKED when a valid event could not be applied.
-- One row per record, across rebuilds; the record itself is kept so that it can be redriven.
-- Discarding one keeps the row, with who discarded it, when and why.
CREATE TABLE dead_letter (
    id              VARCHAR(280) PRIMARY KEY,
    topic           VARCHAR(249) NOT NULL,
    partition_no    INTEGER      NOT NULL,
    record_offset   BIGINT       NOT NULL,
    kind            VARCHAR(8)   NOT NULL CHECK (kind IN ('REJECTED', 'PARKED')),
    event_type      VARCHAR(255),
    record_key      TEXT,
    headers         TEXT         NOT NULL,
    payload         TEXT,
    reason          TEXT         NOT NULL,
    first_failed_at TIMESTAMPTZ  NOT NULL,
    last_failed_at  TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL,
    published_at    TIMESTAMPTZ,
    discarded_at    TIMESTAMPTZ,
    discarded_by    VARCHAR(255),
    discard_reason  TEXT,
    UNIQUE (topic, partition_no, record_offset)
);
CREATE INDEX dead_letter_unpublished ON dead_letter (topic, partition_no, record_offset) WHERE kind = 'REJECTED' AND published_at IS NULL;

-- A cancellation that arrived before its pledge, applied when the pledge arrives (as a payment is).
CREATE TABLE pledge_cancellation (
    pledge_id    UUID    PRIMARY KEY,
    version      INTEGER NOT NULL,
    cancelled_on DATE    NOT NULL
);

-- Contributor details come only from the contributor's own events; the newest, by its place in the
-- contributor's partition, wins.
ALTER TABLE contributor ADD COLUMN source_partition INTEGER;
ALTER TABLE contributor ADD COLUMN source_offset BIGINT;

-- Every amount contributions-service accepts: USD NUMERIC(19, 2), original amounts NUMERIC(22, 4)
-- (ISO 4217 minor units go up to four decimals: CLF). Sums get room for a great many of them.
ALTER TABLE pledge ALTER COLUMN usd_amount TYPE NUMERIC(19, 2);
ALTER TABLE pledge_entry ALTER COLUMN amount TYPE NUMERIC(22, 4);
ALTER TABLE pledge_entry ALTER COLUMN usd_amount TYPE NUMERIC(19, 2);
ALTER TABLE payment ALTER COLUMN amount TYPE NUMERIC(22, 4);
ALTER TABLE payment ALTER COLUMN usd_amount TYPE NUMERIC(19, 2);
ALTER TABLE payment ALTER COLUMN usd_at_pledge_rate TYPE NUMERIC(19, 2);
ALTER TABLE line_income_by_day ALTER COLUMN received_usd TYPE NUMERIC(30, 2);
ALTER TABLE line_income_by_day ALTER COLUMN prior_year_usd TYPE NUMERIC(30, 2);
ALTER TABLE income_by_day ALTER COLUMN received_usd TYPE NUMERIC(30, 2);
ALTER TABLE pledge_book ALTER COLUMN pledged_usd TYPE NUMERIC(30, 2);
ALTER TABLE pledge_book ALTER COLUMN outstanding_usd TYPE NUMERIC(30, 2);
