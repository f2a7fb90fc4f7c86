-- The new fields exist only in the events, so the read model is rebuilt from the topics rather than
-- guessed: everything derived is emptied and every partition replays from its beginning in a new
-- generation, as POST /api/v1/admin/rebuild does. Month-end snapshots and dead letters are kept.
TRUNCATE inbox_event, plan_target, annual_target, approved_budget, contributor, pledge_entry, pledge,
         pledge_cancellation, payment, line_income_by_day, income_by_day, pledge_book;
UPDATE read_model_generation SET generation = generation + 1, changed_at = now();
UPDATE consumer_position SET next_offset = 0, generation = (SELECT generation FROM read_model_generation);

-- Programmes, from org.unhabitat.programme.defined.v1: names beside programme codes, and one IATI
-- activity per programme.
CREATE TABLE programme (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    budget_line VARCHAR(32)  NOT NULL,
    region      VARCHAR(32),
    start_year  INTEGER      NOT NULL,
    end_year    INTEGER
);

-- Programme targets, from org.unhabitat.programme-target.set.v1: the latest revision of each. A programme
-- with a region gives that region an indicative budget in the IATI organisation file.
CREATE TABLE programme_target (
    programme  VARCHAR(40)    NOT NULL,
    year       INTEGER        NOT NULL,
    amount_usd NUMERIC(19, 2) NOT NULL,
    revision   INTEGER        NOT NULL,
    PRIMARY KEY (programme, year)
);

-- What v2 events add (the tables are empty now): a contributor's IATI organisation identifier; what a pledge is for and how the
-- money comes; when each instalment is due.
ALTER TABLE contributor ADD COLUMN iati_org_ref VARCHAR(100);
ALTER TABLE pledge ADD COLUMN programme_code VARCHAR(40);
ALTER TABLE pledge ADD COLUMN channel VARCHAR(32) NOT NULL;
ALTER TABLE pledge ADD COLUMN modality VARCHAR(32) NOT NULL;
ALTER TABLE pledge_entry ADD COLUMN due_on DATE NOT NULL;

-- Precomputed for /flows, so that a grouped query reads aggregates rather than every pledge: the
-- pledge book and income at the finest grain a flow can be filtered or grouped by. Contributor types
-- are joined at query time (a contributor's type is whatever its latest event says). No programme is
-- stored as '' rather than NULL, so that it can be part of the key.
CREATE TABLE flow_book (
    year             INTEGER        NOT NULL,
    budget_line      VARCHAR(32)    NOT NULL,
    region           VARCHAR(32)    NOT NULL,
    earmarking       VARCHAR(32)    NOT NULL,
    contributor_code VARCHAR(64)    NOT NULL,
    programme_code   VARCHAR(40)    NOT NULL,
    channel          VARCHAR(32)    NOT NULL,
    modality         VARCHAR(32)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    pledged_usd      NUMERIC(30, 2) NOT NULL,
    outstanding_usd  NUMERIC(30, 2) NOT NULL,
    entry_count      BIGINT         NOT NULL,
    PRIMARY KEY (year, budget_line, region, earmarking, contributor_code, programme_code, channel, modality, currency)
);

CREATE TABLE flow_income_by_day (
    day              DATE           NOT NULL,
    budget_line      VARCHAR(32)    NOT NULL,
    region           VARCHAR(32)    NOT NULL,
    earmarking       VARCHAR(32)    NOT NULL,
    contributor_code VARCHAR(64)    NOT NULL,
    programme_code   VARCHAR(40)    NOT NULL,
    channel          VARCHAR(32)    NOT NULL,
    modality         VARCHAR(32)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    received_usd     NUMERIC(30, 2) NOT NULL,
    PRIMARY KEY (day, budget_line, region, earmarking, contributor_code, programme_code, channel, modality, currency)
);

