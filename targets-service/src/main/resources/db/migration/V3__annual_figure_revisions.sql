-- Annual income targets and Executive Board approved budgets per year and core budget line.
-- Rows are never updated: every change is a new revision, and the current value is the latest one.
CREATE TABLE annual_figure_revision (
    id          BIGSERIAL      PRIMARY KEY,
    kind        VARCHAR(32)    NOT NULL CHECK (kind IN ('INCOME_TARGET', 'APPROVED_BUDGET')),
    year        INTEGER        NOT NULL,
    budget_line VARCHAR(32)    NOT NULL,
    revision    INTEGER        NOT NULL CHECK (revision >= 1),
    amount_usd  NUMERIC(15, 2) NOT NULL CHECK (amount_usd >= 0),
    changed_by  VARCHAR(255)   NOT NULL,
    changed_at  TIMESTAMPTZ    NOT NULL,
    reason      VARCHAR(1000)  NOT NULL,
    -- Two writers racing for the same next revision: one of them fails instead of both succeeding.
    CONSTRAINT annual_figure_revision_unique UNIQUE (kind, year, budget_line, revision)
);
