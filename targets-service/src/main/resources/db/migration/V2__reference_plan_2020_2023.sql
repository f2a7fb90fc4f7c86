-- Reference data from the Executive Director's report to the Executive Board (2022, first session),
-- Figure 1: the resource requirement of the strategic plan 2020-2023, USD 970 million in all.
INSERT INTO plan (id, start_year, end_year) VALUES ('2020-2023', 2020, 2023);

INSERT INTO plan_line (plan_id, budget_line, amount_usd) VALUES
    ('2020-2023', 'REGULAR_BUDGET',            60000000.00),
    ('2020-2023', 'FOUNDATION_NON_EARMARKED',  41000000.00),
    ('2020-2023', 'FOUNDATION_EARMARKED',     262000000.00),
    ('2020-2023', 'TECHNICAL_COOPERATION',    607000000.00);

-- The same transaction announces each line, so that reporting-service learns the plan from events alone.
INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
SELECT gen_random_uuid(), 'plan', l.plan_id, 'org.unhabitat.plan.line-defined.v1',
       json_build_object('planId', l.plan_id,
                         'startYear', p.start_year,
                         'endYear', p.end_year,
                         'budgetLine', l.budget_line,
                         'amountUsd', to_char(l.amount_usd, 'FM999999999999990.00'),
                         'definedBy', 'reference-data',
                         'reason', 'Strategic plan 2020-2023 resource requirement (Figure 1)')::text,
       now()
FROM plan_line l JOIN plan p ON p.id = l.plan_id
ORDER BY CASE l.budget_line WHEN 'REGULAR_BUDGET' THEN 1 WHEN 'FOUNDATION_NON_EARMARKED' THEN 2
                            WHEN 'FOUNDATION_EARMARKED' THEN 3 ELSE 4 END;
