-- The audit trail is written by the shared platform, which names the aggregate a write belongs to
-- (here the pledge, also for its payments) instead of a pledge column of this service's own.
ALTER TABLE audit_log RENAME COLUMN pledge_id TO aggregate_id;
ALTER TABLE audit_log ALTER COLUMN aggregate_id TYPE VARCHAR(128) USING aggregate_id::text;
ALTER INDEX audit_log_by_pledge RENAME TO audit_log_by_aggregate;
