-- Who changed what, when and from where: one row per write, inserted in the write's own transaction,
-- so a change without its audit row cannot commit. Append-only: the triggers refuse every UPDATE,
-- DELETE and TRUNCATE, whatever the connecting role may otherwise do.
CREATE TABLE audit_log (
    id            BIGSERIAL    PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    client_ip     VARCHAR(64)  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    resource_type VARCHAR(32)  NOT NULL,
    resource_id   VARCHAR(128) NOT NULL
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
