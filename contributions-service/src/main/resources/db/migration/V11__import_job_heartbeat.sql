-- A job is held in the memory of the instance that runs it, so it dies with that instance. The instance stamps
-- alive_at of its jobs every few seconds; a RUNNING job whose stamp has grown old lost its instance, and whichever
-- instance sweeps next marks it FAILED, so the client polling it learns to upload the file again. Nothing of such a
-- job was recorded: its rows were in one transaction, which died with it.
ALTER TABLE import_run ADD COLUMN alive_at TIMESTAMPTZ;
UPDATE import_run SET alive_at = coalesce(finished_at, run_at);
ALTER TABLE import_run ALTER COLUMN alive_at SET NOT NULL;
