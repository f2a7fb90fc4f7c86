-- Strategic plans and their envelope per core budget line.
CREATE TABLE plan (
    id          VARCHAR(9)  PRIMARY KEY,
    start_year  INTEGER     NOT NULL,
    end_year    INTEGER     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT plan_years CHECK (end_year >= start_year)
);

CREATE TABLE plan_line (
    plan_id     VARCHAR(9)     NOT NULL REFERENCES plan (id),
    budget_line VARCHAR(32)    NOT NULL,
    amount_usd  NUMERIC(15, 2) NOT NULL CHECK (amount_usd >= 0),
    PRIMARY KEY (plan_id, budget_line)
);

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
