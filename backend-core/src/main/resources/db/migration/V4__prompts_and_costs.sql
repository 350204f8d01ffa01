-- An organisation's own prompts. Each save or reset of a step's prompt is a new revision, never an
-- update: a trace row names the revision it ran with ('org-<revision>'), and that text stays here.
-- The latest revision is in effect; a reset is a revision without text (the default applies again).
CREATE TABLE prompt_revisions (
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    step            VARCHAR(20)  NOT NULL,
    revision        INTEGER      NOT NULL,
    body            TEXT,
    saved_by        UUID REFERENCES users (id) ON DELETE SET NULL,
    saved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT prompt_revisions_pk PRIMARY KEY (organisation_id, step, revision)
);

-- Which prompt each step ran with ('default-<hash>' or 'org-<revision>'), and what the call cost at
-- the configured price of its model (LLM_PRICES); NULL when no price was configured for the model.
ALTER TABLE conversation_events ADD COLUMN prompt_version VARCHAR(40);
ALTER TABLE conversation_events ADD COLUMN cost_usd NUMERIC(18, 8);

