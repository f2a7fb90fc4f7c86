-- Bulk imports: what each did and who ran it. A file answered at once is here only once recorded (a dry run or a
-- refused run writes nothing). A file too long to answer at once runs as a job: its row is written first, shows
-- its progress, and ends with its outcome, the problems included, for the client that polls it. The rows of the
-- file are recorded, or not, in a transaction of their own.
CREATE TABLE import_run (
    id          UUID         PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL,
    dry_run     BOOLEAN      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    rows_read   INTEGER      NOT NULL,
    rows_done   INTEGER      NOT NULL,
    created     INTEGER      NOT NULL,
    unchanged   INTEGER      NOT NULL,
    problems    TEXT,
    run_by      VARCHAR(255) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    run_at      TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ
);
