-- Partners' webhook endpoints. contributor_code null: finance's endpoint for every contributor. The secret must be
-- kept readable, since each delivery is signed with it; the previous one keeps signing for a day after a rotation,
-- so a receiver can switch without losing a delivery.
CREATE TABLE webhook_subscription (
    id                        UUID          PRIMARY KEY,
    contributor_code          VARCHAR(32)   REFERENCES contributor (code),
    url                       VARCHAR(2000) NOT NULL,
    events                    VARCHAR(200)  NOT NULL,
    secret                    VARCHAR(100)  NOT NULL,
    previous_secret           VARCHAR(100),
    previous_secret_until     TIMESTAMPTZ,
    enabled                   BOOLEAN       NOT NULL,
    disabled_reason           VARCHAR(1000),
    failing_since             TIMESTAMPTZ,
    created_by                VARCHAR(255)  NOT NULL,
    created_at                TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_subscription_contributor ON webhook_subscription (contributor_code);

-- One message to one endpoint. seq is the order of fan-out: an endpoint gets one pledge's messages (ordering_key)
-- one at a time, oldest first. payload is the exact body sent on every attempt; message_id is its webhook-id.
-- A pending row whose next_attempt_at has passed is due, whichever instance wrote it: an instance leases a row by
-- moving next_attempt_at past its attempt, so one that dies mid-attempt leaves it due again after the lease.
CREATE TABLE webhook_delivery (
    id               UUID          PRIMARY KEY,
    seq              BIGSERIAL     NOT NULL UNIQUE,
    subscription_id  UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id       VARCHAR(64)   NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    ordering_key     VARCHAR(128)  NOT NULL,
    payload          TEXT          NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    first_attempt_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    completed_at     TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_queue ON webhook_delivery (subscription_id, ordering_key, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, seq);

-- Every attempt, for its owner to see: when, the answer's status (null when none came) and what went wrong.
CREATE TABLE webhook_attempt (
    id           BIGSERIAL     PRIMARY KEY,
    delivery_id  UUID          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ   NOT NULL,
    status_code  INTEGER,
    error        VARCHAR(500),
    succeeded    BOOLEAN       NOT NULL
);
CREATE INDEX webhook_attempt_by_delivery ON webhook_attempt (delivery_id, id);

-- Pledges whose recording has been fanned out: an overdue instalment is announced only after its pledge was, so an
-- endpoint never hears of an instalment before the pledge.
CREATE TABLE webhook_announced_pledge (
    pledge_id UUID PRIMARY KEY
);

-- instalment.overdue fires once per pledge and schedule year.
CREATE TABLE webhook_overdue_instalment (
    pledge_id     UUID        NOT NULL,
    schedule_year INTEGER     NOT NULL,
    fired_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pledge_id, schedule_year)
);
