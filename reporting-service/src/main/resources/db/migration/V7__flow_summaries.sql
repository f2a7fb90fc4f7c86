-- Flows that neither group nor filter by contributor are the portal's usual question, and summing the
-- per-contributor aggregates for them grows with the number of contributors and payment days. These
-- keep the same figures without the contributor (and income by year rather than by day), so such a
-- flow reads a few rows per year whatever the number of pledges. Kept in the same transactions as the
-- finest-grain aggregates they sum, and filled here from them.
CREATE TABLE flow_book_summary (
    year            INTEGER        NOT NULL,
    budget_line     VARCHAR(32)    NOT NULL,
    region          VARCHAR(32)    NOT NULL,
    earmarking      VARCHAR(32)    NOT NULL,
    programme_code  VARCHAR(40)    NOT NULL,
    channel         VARCHAR(32)    NOT NULL,
    modality        VARCHAR(32)    NOT NULL,
    currency        CHAR(3)        NOT NULL,
    pledged_usd     NUMERIC(30, 2) NOT NULL,
    outstanding_usd NUMERIC(30, 2) NOT NULL,
    entry_count     BIGINT         NOT NULL,
    PRIMARY KEY (year, budget_line, region, earmarking, programme_code, channel, modality, currency)
);
INSERT INTO flow_book_summary
SELECT year, budget_line, region, earmarking, programme_code, channel, modality, currency,
       SUM(pledged_usd), SUM(outstanding_usd), SUM(entry_count)
FROM flow_book GROUP BY year, budget_line, region, earmarking, programme_code, channel, modality, currency;

CREATE TABLE flow_income_by_year (
    year           INTEGER        NOT NULL,
    budget_line    VARCHAR(32)    NOT NULL,
    region         VARCHAR(32)    NOT NULL,
    earmarking     VARCHAR(32)    NOT NULL,
    programme_code VARCHAR(40)    NOT NULL,
    channel        VARCHAR(32)    NOT NULL,
    modality       VARCHAR(32)    NOT NULL,
    currency       CHAR(3)        NOT NULL,
    received_usd   NUMERIC(30, 2) NOT NULL,
    PRIMARY KEY (year, budget_line, region, earmarking, programme_code, channel, modality, currency)
);
INSERT INTO flow_income_by_year
SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER), budget_line, region, earmarking, programme_code, channel, modality, currency,
       SUM(received_usd)
FROM flow_income_by_day GROUP BY 1, budget_line, region, earmarking, programme_code, channel, modality, currency;
