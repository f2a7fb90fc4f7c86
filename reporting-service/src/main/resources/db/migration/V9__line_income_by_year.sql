-- Income per year and line, kept beside income per day in the same transaction, so that progress over
-- whole years sums at most one row per line and year, however many days of income the year holds.
CREATE TABLE line_income_by_year (
    year           INTEGER        NOT NULL,
    budget_line    VARCHAR(32)    NOT NULL,
    received_usd   NUMERIC(30, 2) NOT NULL,
    prior_year_usd NUMERIC(30, 2) NOT NULL,
    PRIMARY KEY (year, budget_line)
);

INSERT INTO line_income_by_year (year, budget_line, received_usd, prior_year_usd)
SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER), budget_line, SUM(received_usd), SUM(prior_year_usd)
FROM line_income_by_day GROUP BY 1, 2;
