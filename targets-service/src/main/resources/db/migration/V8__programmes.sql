-- Programmes: what money narrower than a budget line is raised for (a thematic window, a fund, an appeal,
-- a pledging event, a project). The row holds the current definition; every change is announced by an event.
CREATE TABLE programme (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    budget_line VARCHAR(32)  NOT NULL,
    region      VARCHAR(32),
    start_year  INTEGER      NOT NULL,
    end_year    INTEGER,
    defined_by  VARCHAR(255) NOT NULL,
    defined_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT programme_years CHECK (end_year IS NULL OR end_year >= start_year)
);

-- A programme's income target per year, revised like the annual targets of a budget line: rows are never
-- updated, and the current value is the latest revision.
CREATE TABLE programme_target_revision (
    id             BIGSERIAL      PRIMARY KEY,
    programme_code VARCHAR(40)    NOT NULL REFERENCES programme (code),
    year           INTEGER        NOT NULL,
    revision       INTEGER        NOT NULL CHECK (revision >= 1),
    amount_usd     NUMERIC(15, 2) NOT NULL CHECK (amount_usd >= 0),
    changed_by     VARCHAR(255)   NOT NULL,
    changed_at     TIMESTAMPTZ    NOT NULL,
    reason         VARCHAR(1000)  NOT NULL,
    CONSTRAINT programme_target_revision_unique UNIQUE (programme_code, year, revision)
);
