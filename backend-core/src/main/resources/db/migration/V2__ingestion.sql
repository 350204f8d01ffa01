-- Exactly-once ingestion. Real payloads reuse placeholder message ids for different messages, while
-- Meta's retries repeat the id, sender, timestamp and type: an inbound message is one row per
-- (organisation, inbound_key = hash of those four), not per id.
ALTER TABLE messages DROP CONSTRAINT messages_wa_id_unique;
ALTER TABLE messages ADD COLUMN inbound_key VARCHAR(64);
ALTER TABLE messages ADD CONSTRAINT messages_inbound_key_unique UNIQUE (organisation_id, inbound_key);
CREATE INDEX messages_wa_id_idx ON messages (wa_message_id);
-- pending turns are found by conversation at start-up and after each stored message
CREATE INDEX messages_turn_idx ON messages (conversation_id, turn_status);

-- Media of inbound messages (id, mime type, caption...) lives in messages.payload; these columns
-- make the media endpoint a single lookup.
ALTER TABLE messages ADD COLUMN media_id VARCHAR(200);
ALTER TABLE messages ADD COLUMN media_mime_type VARCHAR(200);

-- Statuses for our outbound messages arrive in any order and more than once: each (id, status) once.
CREATE TABLE message_statuses (
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    wa_message_id   VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    status_at       TIMESTAMP WITH TIME ZONE,
    error_code      VARCHAR(20),
    error_title     TEXT,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT message_statuses_pk PRIMARY KEY (organisation_id, wa_message_id, status)
);

-- Template status webhooks, kept for the templates feature (which applies them to its rows).
CREATE TABLE template_status_events (
    id                  UUID PRIMARY KEY,
    organisation_id     UUID REFERENCES organisations (id) ON DELETE CASCADE,
    business_account_id VARCHAR(64),
    meta_template_id    VARCHAR(64),
    template_name       VARCHAR(512),
    language            VARCHAR(20),
    event               VARCHAR(40)  NOT NULL,
    reason              TEXT,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Webhook bodies the worker could not use: not JSON, or failing after every retry. Never dropped
-- silently: kept here, with the organisation when it could be told, for the console to show.
CREATE TABLE rejected_webhooks (
    id              UUID PRIMARY KEY,
    organisation_id UUID REFERENCES organisations (id) ON DELETE CASCADE,
    reason          TEXT         NOT NULL,
    receive_count   INTEGER      NOT NULL,
    body            BYTEA        NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rejected_webhooks_organisation_idx ON rejected_webhooks (organisation_id, received_at);
