-- The programme codes targets-service has announced, learnt from its events on targets.events (never by
-- calling it), so that a pledge may name one. The name and line are kept to check a pledge against them.
CREATE TABLE known_programme (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    budget_line VARCHAR(32)  NOT NULL,
    defined_at  TIMESTAMPTZ  NOT NULL
);

-- Events this service's consumers have applied, each recorded in the transaction of its effect, so that a
-- redelivered event changes nothing (the platform's inbox).
CREATE TABLE inbox_event (
    event_id    UUID         PRIMARY KEY,
    event_type  VARCHAR(128) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);

-- What a pledge is for beyond its budget line, and how the money comes. Pledges recorded before these
-- existed were direct grants with no programme.
ALTER TABLE pledge ADD COLUMN programme_code VARCHAR(40);
ALTER TABLE pledge ADD COLUMN channel VARCHAR(32) NOT NULL DEFAULT 'DIRECT';
ALTER TABLE pledge ADD COLUMN modality VARCHAR(32) NOT NULL DEFAULT 'GRANT';
ALTER TABLE pledge ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE pledge ALTER COLUMN modality DROP DEFAULT;
CREATE INDEX pledge_programme ON pledge (programme_code, seq) WHERE programme_code IS NOT NULL;

-- When each instalment is due; until now every instalment was due by the end of its year.
ALTER TABLE pledge_schedule_entry ADD COLUMN due_on DATE;
UPDATE pledge_schedule_entry SET due_on = make_date(schedule_year, 12, 31);
ALTER TABLE pledge_schedule_entry ALTER COLUMN due_on SET NOT NULL;

-- The bank's or partner's id of a payment: the same reference twice on one pledge is the same money.
ALTER TABLE payment ADD COLUMN reference VARCHAR(128);
CREATE UNIQUE INDEX payment_reference ON payment (pledge_id, reference) WHERE reference IS NOT NULL;

-- The contributor's IATI organisation identifier (e.g. XM-DAC-41301), for the open-data activity file.
ALTER TABLE contributor ADD COLUMN iati_org_ref VARCHAR(100);
