-- Every statement that moves the read model's version (positions, generation, revision) notifies the
-- channel read_model_changed when its transaction commits, whoever ran it: an instance applying events,
-- a rebuild, a redrive or an operator's SQL. Each instance follows the channel, so it can keep the version
-- in memory between two changes instead of reading it back for every report it is asked for.
CREATE FUNCTION notify_read_model_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('read_model_changed', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER consumer_position_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consumer_position
    FOR EACH STATEMENT EXECUTE FUNCTION notify_read_model_changed();
CREATE TRIGGER read_model_generation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON read_model_generation
    FOR EACH STATEMENT EXECUTE FUNCTION notify_read_model_changed();
CREATE TRIGGER read_model_revision_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON read_model_revision
    FOR EACH STATEMENT EXECUTE FUNCTION notify_read_model_changed();
