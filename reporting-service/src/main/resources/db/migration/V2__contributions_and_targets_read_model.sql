-- Everything below is derived from events and can be rebuilt by replaying the topics.

-- Annual income targets and Executive Board approved budgets: the latest revision of each.
CREATE TABLE annual_target (
    year        INTEGER        NOT NULL,
    budget_line VARCHAR(32)    NOT NULL,
    amount_usd  NUMERIC(15, 2) NOT NULL,
    revision    INTEGER        NOT NULL,
    PRIMARY KEY (year, budget_line)
);

CREATE TABLE approved_budget (
    year        INTEGER        NOT NULL,
    budget_line VARCHAR(32)    NOT NULL,
    amount_usd  NUMERIC(15, 2) NOT NULL,
    revision    INTEGER        NOT NULL,
    PRIMARY KEY (year, budget_line)
);

CREATE TABLE contributor (
    code    VARCHAR(64)  PRIMARY KEY,
    name    VARCHAR(300) NOT NULL,
    type    VARCHAR(32)  NOT NULL,
    country CHAR(3)
);

-- The pledge book: each pledge's latest version and its schedule, with what has been paid per year.
CREATE TABLE pledge (
    pledge_id        UUID           PRIMARY KEY,
    version          INTEGER        NOT NULL,
    contributor_code VARCHAR(64)    NOT NULL,
    budget_line      VARCHAR(32)    NOT NULL,
    earmarking       VARCHAR(32)    NOT NULL,
    region           VARCHAR(32)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    fx_rate          NUMERIC(24, 10) NOT NULL,
    usd_amount       NUMERIC(15, 2) NOT NULL,
    pledged_on       DATE           NOT NULL,
    multi_year       BOOLEAN        NOT NULL,
    cancelled_on     DATE
);

CREATE TABLE pledge_entry (
    pledge_id               UUID           NOT NULL REFERENCES pledge (pledge_id),
    year                    INTEGER        NOT NULL,
    amount                  NUMERIC(20, 3) NOT NULL,
    usd_amount              NUMERIC(15, 2) NOT NULL,
    PRIMARY KEY (pledge_id, year)
);
CREATE INDEX pledge_entry_year ON pledge_entry (year);

-- No foreign key to pledge: a payment may be replayed before its pledge, and counts as income at once.
CREATE TABLE payment (
    payment_id         UUID           PRIMARY KEY,
    pledge_id          UUID           NOT NULL,
    amount             NUMERIC(20, 3) NOT NULL,
    usd_amount         NUMERIC(15, 2) NOT NULL,
    usd_at_pledge_rate NUMERIC(15, 2) NOT NULL,
    received_on        DATE           NOT NULL,
    for_year           INTEGER        NOT NULL
);
CREATE INDEX payment_pledge_year ON payment (pledge_id, for_year);

-- Precomputed aggregates, so that a report costs the same at a thousand pledges as at a million.
-- Income per day and per line: progress and the monthly series.
CREATE TABLE line_income_by_day (
    day            DATE           NOT NULL,
    budget_line    VARCHAR(32)    NOT NULL,
    received_usd   NUMERIC(17, 2) NOT NULL,
    prior_year_usd NUMERIC(17, 2) NOT NULL,
    PRIMARY KEY (day, budget_line)
);

-- Income per day and per contributor, region and earmarking: donors, regions and indicators.
CREATE TABLE income_by_day (
    day              DATE           NOT NULL,
    budget_line      VARCHAR(32)    NOT NULL,
    region           VARCHAR(32)    NOT NULL,
    earmarking       VARCHAR(32)    NOT NULL,
    multi_year       BOOLEAN        NOT NULL,
    contributor_code VARCHAR(64)    NOT NULL,
    received_usd     NUMERIC(17, 2) NOT NULL,
    PRIMARY KEY (day, budget_line, region, earmarking, multi_year, contributor_code)
);

-- Pledged and outstanding USD per schedule year and line, kept current as pledges change.
CREATE TABLE pledge_book (
    year            INTEGER        NOT NULL,
    budget_line     VARCHAR(32)    NOT NULL,
    pledged_usd     NUMERIC(17, 2) NOT NULL,
    outstanding_usd NUMERIC(17, 2) NOT NULL,
    PRIMARY KEY (year, budget_line)
);

-- Frozen month-end snapshots for the monthly financial update to member states; never updated.
CREATE TABLE monthly_snapshot (
    month    CHAR(7)     PRIMARY KEY,
    taken_at TIMESTAMPTZ NOT NULL,
    content  TEXT        NOT NULL
);
