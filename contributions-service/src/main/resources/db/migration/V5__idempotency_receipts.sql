-- A stored idempotency key now keeps what the write did (the id of what it created, if anything)
-- instead of an HTTP status and Location: the service records writes, the resources speak HTTP.
-- Keys stored before keep their meaning: a 201 was a creation named by the end of its Location.
ALTER TABLE idempotency_key ADD COLUMN created_id VARCHAR(64);
UPDATE idempotency_key SET created_id = regexp_replace(response_location, '^.*/', '') WHERE response_status = 201;
ALTER TABLE idempotency_key DROP COLUMN response_status, DROP COLUMN response_location;
