-- Contributors: member states by ISO 3166-1 alpha-3 code, everyone else by a stable upper-case slug.
CREATE TABLE contributor (
    code          VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    country       VARCHAR(3),
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- UN operational rates of exchange. A revision is a new row: amounts already converted keep the
-- rate (and revision) they were converted at.
CREATE TABLE exchange_rate (
    id            BIGSERIAL      PRIMARY KEY,
    currency      VARCHAR(3)     NOT NULL,
    month         VARCHAR(7)     NOT NULL,
    revision      INTEGER        NOT NULL,
    units_per_usd NUMERIC(24, 10) NOT NULL CHECK (units_per_usd > 0),
    set_by        VARCHAR(255)   NOT NULL,
    set_at        TIMESTAMPTZ    NOT NULL,
    CONSTRAINT exchange_rate_revision UNIQUE (currency, month, revision)
);

-- Amounts in a pledge's own currency carry up to 4 decimals (the most any ISO 4217 currency has);
-- the service checks each amount against its currency's minor units before it gets here.
CREATE TABLE pledge (
    id                  UUID            PRIMARY KEY,
    seq                 BIGSERIAL       NOT NULL UNIQUE,
    contributor_code    VARCHAR(32)     NOT NULL REFERENCES contributor (code),
    budget_line         VARCHAR(32)     NOT NULL,
    earmarking          VARCHAR(32)     NOT NULL,
    region              VARCHAR(32)     NOT NULL,
    currency            VARCHAR(3)      NOT NULL,
    amount              NUMERIC(22, 4)  NOT NULL CHECK (amount > 0),
    fx_rate             NUMERIC(24, 10) NOT NULL CHECK (fx_rate > 0),
    fx_rate_revision    INTEGER         NOT NULL,
    usd_amount          NUMERIC(19, 2)  NOT NULL,
    pledged_on          DATE            NOT NULL,
    reference           VARCHAR(128),
    status              VARCHAR(16)     NOT NULL,
    version             INTEGER         NOT NULL,
    recorded_by         VARCHAR(255)    NOT NULL,
    recorded_at         TIMESTAMPTZ     NOT NULL,
    cancellation_reason VARCHAR(500),
    cancelled_on        DATE,
    cancelled_at        TIMESTAMPTZ,
    written_off         NUMERIC(22, 4),
    written_off_usd     NUMERIC(19, 2)
);
-- A partner's retry without an idempotency key is still caught by its own reference.
CREATE UNIQUE INDEX pledge_reference ON pledge (contributor_code, reference) WHERE reference IS NOT NULL;
CREATE INDEX pledge_contributor ON pledge (contributor_code, seq);

-- Every version of a pledge's amount and schedule stays readable after a correction.
CREATE TABLE pledge_version (
    id          BIGSERIAL      PRIMARY KEY,
    pledge_id   UUID           NOT NULL REFERENCES pledge (id),
    version     INTEGER        NOT NULL,
    amount      NUMERIC(22, 4) NOT NULL CHECK (amount > 0),
    usd_amount  NUMERIC(19, 2) NOT NULL,
    reason      VARCHAR(500),
    recorded_by VARCHAR(255)   NOT NULL,
    recorded_at TIMESTAMPTZ    NOT NULL,
    CONSTRAINT pledge_version_number UNIQUE (pledge_id, version)
);

CREATE TABLE pledge_schedule_entry (
    id            BIGSERIAL      PRIMARY KEY,
    version_id    BIGINT         NOT NULL REFERENCES pledge_version (id),
    schedule_year INTEGER        NOT NULL,
    amount        NUMERIC(22, 4) NOT NULL CHECK (amount > 0),
    usd_amount    NUMERIC(19, 2) NOT NULL,
    CONSTRAINT pledge_schedule_year UNIQUE (version_id, schedule_year)
);
CREATE INDEX pledge_schedule_year_lookup ON pledge_schedule_entry (schedule_year, version_id);

CREATE TABLE payment (
    id                 UUID            PRIMARY KEY,
    seq                BIGSERIAL       NOT NULL UNIQUE,
    pledge_id          UUID            NOT NULL REFERENCES pledge (id),
    currency           VARCHAR(3)      NOT NULL,
    amount             NUMERIC(22, 4)  NOT NULL CHECK (amount > 0),
    fx_rate            NUMERIC(24, 10) NOT NULL CHECK (fx_rate > 0),
    fx_rate_revision   INTEGER         NOT NULL,
    usd_amount         NUMERIC(19, 2)  NOT NULL,
    usd_at_pledge_rate NUMERIC(19, 2)  NOT NULL,
    fx_difference_usd  NUMERIC(19, 2)  NOT NULL,
    received_on        DATE            NOT NULL,
    for_year           INTEGER         NOT NULL,
    recorded_by        VARCHAR(255)    NOT NULL,
    recorded_at        TIMESTAMPTZ     NOT NULL
);
CREATE INDEX payment_pledge ON payment (pledge_id, seq);

-- Idempotency keys, per caller. Written in the same transaction as the change and its outbox event,
-- so a stored response exists exactly when the change does.
CREATE TABLE idempotency_key (
    caller            VARCHAR(255) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    request_hash      VARCHAR(64)  NOT NULL,
    response_status   INTEGER      NOT NULL,
    response_location VARCHAR(512),
    response_body     TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
