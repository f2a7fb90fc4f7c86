-- Keyset pages follow seq, and a page must never gain a row behind a cursor already handed out. Until
-- now seq came from the column's default at INSERT, under an advisory lock held to COMMIT, so pledges
-- committed one at a time. Now a pledge is inserted without a number and numbered after it commits,
-- by number_committed_pledges(), which takes its lock only for its own one-statement transaction.
-- Pages list numbered pledges only. The numbering continues the column's own sequence, so every
-- cursor handed out before stays valid.
ALTER TABLE pledge ALTER COLUMN seq DROP DEFAULT;
ALTER TABLE pledge ALTER COLUMN seq DROP NOT NULL;
CREATE INDEX pledge_unnumbered ON pledge (recorded_at, id) WHERE seq IS NULL;

-- Numbers every committed pledge that has no number yet. Numbering transactions run one at a time
-- (the lock), and a transaction's lock is released only after its commit is visible, so the numbers
-- any snapshot sees are all smaller than every number given later: a reader's cursor never has a
-- pledge appear behind it. The UPDATE runs after the lock with a snapshot of its own, so it sees
-- every pledge committed before the caller asked, including the caller's own.
CREATE FUNCTION number_committed_pledges() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    numbered integer;
BEGIN
    -- Nothing unnumbered in sight: whatever this caller committed is numbered and visible already.
    IF NOT EXISTS (SELECT 1 FROM pledge WHERE seq IS NULL) THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('pledge-numbering'));
    UPDATE pledge p SET seq = numbers.seq
    FROM (SELECT pending.id, nextval('pledge_seq_seq') AS seq
          FROM (SELECT id FROM pledge WHERE seq IS NULL ORDER BY recorded_at, id) pending) numbers
    WHERE p.id = numbers.id AND p.seq IS NULL;
    GET DIAGNOSTICS numbered = ROW_COUNT;
    RETURN numbered;
END
$$;
