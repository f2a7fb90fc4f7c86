-- The overdue sweep walks past-due instalments in (due_on, id) order, a bounded slice at a time. Before, each
-- batch of 100 it announced ran a query joining every announced pledge past due, so a sweep cost grew with the
-- square of their number; with 100,000 of them, that query was still running minutes after a start.
CREATE INDEX pledge_schedule_entry_by_due_date ON pledge_schedule_entry (due_on, id);
