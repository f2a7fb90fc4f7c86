-- Reference data from the Executive Director's report to the Executive Board (2022, first session,
-- 29-31 March 2022). The revisions are dated to that session, so that their events are reproducible.
INSERT INTO annual_figure_revision (kind, year, budget_line, revision, amount_usd, changed_by, changed_at, reason) VALUES
    ('INCOME_TARGET', 2021, 'REGULAR_BUDGET',            1,  14500000.00, 'reference-data', '2022-03-29T00:00:00Z',
     'Income target 2021 (Figure 2)'),
    ('INCOME_TARGET', 2021, 'FOUNDATION_NON_EARMARKED',  1,  10000000.00, 'reference-data', '2022-03-29T00:00:00Z',
     'Income target 2021 (Figure 2)'),
    ('INCOME_TARGET', 2021, 'FOUNDATION_EARMARKED',      1,  43300000.00, 'reference-data', '2022-03-29T00:00:00Z',
     'Income target 2021 (Figure 2)'),
    ('INCOME_TARGET', 2021, 'TECHNICAL_COOPERATION',     1, 152600000.00, 'reference-data', '2022-03-29T00:00:00Z',
     'Income target 2021 (Figure 2)'),
    ('APPROVED_BUDGET', 2022, 'FOUNDATION_NON_EARMARKED', 1, 12000000.00, 'reference-data', '2022-03-29T00:00:00Z',
     'Foundation non-earmarked budget 2022 approved by the Executive Board at its second session of 2021');

-- The same transaction announces each figure, in the shapes of TargetSetV1 and ApprovedBudgetSetV1.
INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
SELECT gen_random_uuid(), 'income-target', r.year || ':' || r.budget_line, 'org.unhabitat.target.set.v1',
       json_build_object('year', r.year,
                         'budgetLine', r.budget_line,
                         'amountUsd', to_char(r.amount_usd, 'FM999999999999990.00'),
                         'revision', r.revision,
                         'setBy', r.changed_by,
                         'reason', r.reason,
                         'setAt', to_char(r.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
       now()
FROM annual_figure_revision r
WHERE r.kind = 'INCOME_TARGET'
ORDER BY r.id;

INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
SELECT gen_random_uuid(), 'approved-budget', r.year || ':' || r.budget_line, 'org.unhabitat.approved-budget.set.v1',
       json_build_object('year', r.year,
                         'budgetLine', r.budget_line,
                         'amountUsd', to_char(r.amount_usd, 'FM999999999999990.00'),
                         'revision', r.revision,
                         'approvedBy', r.changed_by,
                         'reason', r.reason,
                         'approvedAt', to_char(r.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
       now()
FROM annual_figure_revision r
WHERE r.kind = 'APPROVED_BUDGET'
ORDER BY r.id;
