-- What changes the read model outside consumption (a dead letter redriven) moves this on, so that the
-- read model's version (generation, positions and this revision) names every state it can be in, and a
-- report cached under that version is never served after the read model moved.
CREATE TABLE read_model_revision (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    revision  BIGINT  NOT NULL
);
INSERT INTO read_model_revision (revision) VALUES (0);
