-- Inbox: the id of every event applied, written in the same transaction as its effect,
-- so that a redelivered event changes nothing.
CREATE TABLE inbox_event (
    event_id   UUID         PRIMARY KEY,
    event_type VARCHAR(128) NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Plan envelopes per core budget line, from org.unhabitat.plan.line-defined.v1.
CREATE TABLE plan_target (
    plan_id     VARCHAR(9)     NOT NULL,
    budget_line VARCHAR(32)    NOT NULL,
    start_year  INTEGER        NOT NULL,
    end_year    INTEGER        NOT NULL,
    amount_usd  NUMERIC(15, 2) NOT NULL,
    PRIMARY KEY (plan_id, budget_line)
);
