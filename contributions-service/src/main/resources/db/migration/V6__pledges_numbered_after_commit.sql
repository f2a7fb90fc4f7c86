-- Keyset pages follow seq, and a page must never gain a row behind a cursor already handed out. Until
-- now seq came from the column's default at INSERT, under an advisory lock held to COMMIT, so pledges
-- committed one at a time. Now a pledge is inserted without a number and numbered after it commits,
-- by number_committed_pledges(), which takes its lock only for its own one-statement transaction.
-- Pages list numbered pledges only. The numbering continues the column's own sequence, so every
-- cursor handed out before stays valid.
ALTER TABLE pledge ALTER COLUMN seq DROP DEFAULT;
ALTER TABLE pledge ALTER COLUMN seq DROP NOT NULL;
CREATE INDEX pledge_unnumbered ON pledge (recorded_at, id) WHERE seq IS NULL;

-- Numbers committed pledges that have no number yet, oldest first, at most max_count of them, and
-- returns how many it numbered. Numbering transactions run one at a time (the lock), and a
-- transaction's lock is released only after its commit is visible, so the numbers any snapshot sees are
-- all smaller than every number given later: a reader's cursor never has a pledge appear behind it.
-- The loop's query runs after the lock with a snapshot of its own, so it sees every pledge committed
-- before the caller asked, including the caller's own. One UPDATE by primary key per pledge keeps the
-- cost linear however many are waiting; max_count keeps each transaction short after a backlog.
-- Sequential scans are off inside: after a backlog, statistics say many pledges lack a number, and a
-- plan that scans the whole table to find the few that do is then kept long after the backlog is gone
-- (every numbering took 120 ms instead of 1). The partial index holds only the pledges still waiting.
CREATE FUNCTION number_committed_pledges(max_count integer) RETURNS integer LANGUAGE plpgsql
SET enable_seqscan = off AS $$
DECLARE
    pending RECORD;
    numbered integer := 0;
BEGIN
    -- Nothing unnumbered in sight: whatever this caller committed is numbered and visible already.
    IF NOT EXISTS (SELECT 1 FROM pledge WHERE seq IS NULL) THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('pledge-numbering'));
    FOR pending IN SELECT id FROM pledge WHERE seq IS NULL ORDER BY recorded_at, id LIMIT max_count LOOP
        UPDATE pledge SET seq = nextval('pledge_seq_seq') WHERE id = pending.id AND seq IS NULL;
        numbered := numbered + 1;
    END LOOP;
    RETURN numbered;
END
$$;
