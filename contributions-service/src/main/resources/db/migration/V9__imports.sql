-- A bulk import that was recorded: what it was, what it did and who ran it. A dry run or a refused run
-- writes nothing, so only runs whose every row passed are here.
CREATE TABLE import_run (
    id          UUID         PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL,
    rows_read   INTEGER      NOT NULL,
    created     INTEGER      NOT NULL,
    unchanged   INTEGER      NOT NULL,
    run_by      VARCHAR(255) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    run_at      TIMESTAMPTZ  NOT NULL
);
