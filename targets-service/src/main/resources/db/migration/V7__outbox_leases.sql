-- The outbox relay no longer holds a transaction (with row and advisory locks) while the broker
-- acknowledges: it leases an aggregate's pending events in one short transaction, sends them, and
-- marks them and gives the lease back in another. The lease keeps other instances away from the
-- aggregate, so its events still reach their partition in order; an expired lease is anyone's.
CREATE TABLE outbox_lease (
    aggregate_id VARCHAR(128) PRIMARY KEY,
    owner        VARCHAR(255) NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
-- A send the broker refuses is counted on its event; the relay waits longer before each next try,
-- and only that event's aggregate waits with it.
ALTER TABLE outbox_event ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_event ADD COLUMN last_error VARCHAR(500);
-- The relay reads a leased aggregate's pending events; the retention job deletes old published ones.
CREATE INDEX outbox_event_pending_by_aggregate ON outbox_event (aggregate_id, seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
