-- The audit trail is written by the shared platform, which names the aggregate each write belongs to
-- (a plan, or one year's figure of one budget line), so that an aggregate's whole trail is one query.
ALTER TABLE audit_log ADD COLUMN aggregate_id VARCHAR(128);
CREATE INDEX audit_log_by_aggregate ON audit_log (aggregate_id, id) WHERE aggregate_id IS NOT NULL;
