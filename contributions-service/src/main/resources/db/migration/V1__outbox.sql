-- Transactional outbox: rows are written in the same transaction as the change they describe,
-- and the relay marks them published only after the broker has acknowledged them.
CREATE TABLE outbox_event (
    seq            BIGSERIAL    PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    aggregate_type VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(128) NOT NULL,
    event_type     VARCHAR(128) NOT NULL,
    payload        TEXT         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
