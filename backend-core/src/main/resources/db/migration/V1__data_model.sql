-- Funnel's data model. Portable SQL: runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
-- Ids are UUIDs made in Java; times are TIMESTAMP WITH TIME ZONE; JSON documents are TEXT.

CREATE TABLE organisations (
    id                        UUID PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    business_profile          TEXT,
    sales_playbook            TEXT,
    tone                      VARCHAR(200) NOT NULL DEFAULT 'friendly, casual-professional',
    time_zone                 VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    quiet_hours_start         TIME,
    quiet_hours_end           TIME,
    max_followups_24h         INTEGER      NOT NULL DEFAULT 3,
    max_followups_total       INTEGER      NOT NULL DEFAULT 6,
    max_words                 INTEGER      NOT NULL DEFAULT 80,
    invite_code               VARCHAR(64)  NOT NULL UNIQUE,
    simulator_phone_number_id VARCHAR(64)  NOT NULL UNIQUE,
    llm_base_url              VARCHAR(500),
    llm_model                 VARCHAR(200),
    llm_api_key_encrypted     TEXT,
    is_active                 BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE users (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name            VARCHAR(200) NOT NULL,
    email           VARCHAR(320) NOT NULL UNIQUE,
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'agent')),
    is_active       BOOLEAN      NOT NULL DEFAULT TRUE,
    last_login_at   TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE whatsapp_integrations (
    id                     UUID PRIMARY KEY,
    organisation_id        UUID         NOT NULL UNIQUE REFERENCES organisations (id) ON DELETE CASCADE,
    phone_number_id        VARCHAR(64)  NOT NULL UNIQUE,
    business_account_id    VARCHAR(64),
    display_phone_number   VARCHAR(32),
    access_token_encrypted TEXT         NOT NULL,
    status                 VARCHAR(20)  NOT NULL CHECK (status IN ('connected', 'disconnected')),
    status_reason          TEXT,
    connected_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ctas (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name            VARCHAR(200) NOT NULL,
    cta_type        VARCHAR(50)  NOT NULL,
    description     TEXT,
    url             VARCHAR(1000),
    is_active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ctas_organisation_idx ON ctas (organisation_id);

CREATE TABLE leads (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    phone           VARCHAR(32)  NOT NULL,
    wa_user_id      VARCHAR(100),
    name            VARCHAR(200),
    email           VARCHAR(320),
    company         VARCHAR(200),
    stage           VARCHAR(30)  NOT NULL DEFAULT 'greeting',
    intent_level    VARCHAR(20)  NOT NULL DEFAULT 'unknown',
    user_sentiment  VARCHAR(20)  NOT NULL DEFAULT 'neutral',
    -- a lead made by the console's "simulate a lead" panel: never messaged through Meta
    simulated       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT leads_phone_unique UNIQUE (organisation_id, phone, simulated)
);

CREATE TABLE conversations (
    id                    UUID PRIMARY KEY,
    organisation_id       UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    lead_id               UUID         NOT NULL UNIQUE REFERENCES leads (id) ON DELETE CASCADE,
    cta_id                UUID REFERENCES ctas (id) ON DELETE SET NULL,
    stage                 VARCHAR(30)  NOT NULL DEFAULT 'greeting',
    intent_level          VARCHAR(20)  NOT NULL DEFAULT 'unknown',
    user_sentiment        VARCHAR(20)  NOT NULL DEFAULT 'neutral',
    mode                  VARCHAR(10)  NOT NULL DEFAULT 'bot' CHECK (mode IN ('bot', 'human')),
    taken_over_by         UUID REFERENCES users (id) ON DELETE SET NULL,
    needs_attention       BOOLEAN      NOT NULL DEFAULT FALSE,
    attention_reason      TEXT,
    rolling_summary       TEXT,
    last_message          TEXT,
    last_message_at       TIMESTAMP WITH TIME ZONE,
    last_user_message_at  TIMESTAMP WITH TIME ZONE,
    last_bot_message_at   TIMESTAMP WITH TIME ZONE,
    followup_count_24h    INTEGER      NOT NULL DEFAULT 0,
    total_nudges          INTEGER      NOT NULL DEFAULT 0,
    scheduled_followup_at TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversations_organisation_idx ON conversations (organisation_id, last_message_at);

CREATE TABLE messages (
    id                  UUID PRIMARY KEY,
    organisation_id     UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    conversation_id     UUID         NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    lead_id             UUID         NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    message_from        VARCHAR(10)  NOT NULL CHECK (message_from IN ('lead', 'bot', 'human')),
    message_type        VARCHAR(30)  NOT NULL,
    content             TEXT,
    -- the message's own JSON from the webhook (inbound) or the payload we sent (outbound)
    payload             TEXT,
    wa_message_id       VARCHAR(200),
    reply_to_wa_id      VARCHAR(200),
    -- outbound: queued, sent, delivered, read, failed; inbound: received
    status              VARCHAR(20)  NOT NULL,
    error_code          VARCHAR(20),
    error_title         TEXT,
    -- inbound: pending until its bot turn is finished, so a redelivered webhook resumes it
    turn_status         VARCHAR(20),
    -- outbound: recorded before the send leaves, so a redelivery never sends twice
    idempotency_key     VARCHAR(200) UNIQUE,
    sent_by_user_id     UUID REFERENCES users (id) ON DELETE SET NULL,
    wa_timestamp        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT messages_wa_id_unique UNIQUE (organisation_id, wa_message_id)
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

CREATE TABLE templates (
    id               UUID PRIMARY KEY,
    organisation_id  UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             VARCHAR(512) NOT NULL,
    language         VARCHAR(20)  NOT NULL,
    category         VARCHAR(30)  NOT NULL CHECK (category IN ('MARKETING', 'UTILITY', 'AUTHENTICATION')),
    components       TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    meta_template_id VARCHAR(64),
    status_reason    TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT templates_name_unique UNIQUE (organisation_id, name, language)
);

CREATE TABLE scheduled_actions (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    conversation_id UUID         NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    action_type     VARCHAR(30)  NOT NULL,
    action_context  TEXT,
    scheduled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('pending', 'running', 'executed', 'cancelled', 'failed')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT,
    executed_at     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduled_actions_due_idx ON scheduled_actions (status, scheduled_at);

CREATE TABLE conversation_events (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    conversation_id UUID         NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    -- the inbound message whose turn this belongs to; the bot reply points back to it in the trace
    message_id      UUID REFERENCES messages (id) ON DELETE SET NULL,
    event_type      VARCHAR(40)  NOT NULL,
    pipeline_step   VARCHAR(20),
    input_summary   TEXT,
    output_summary  TEXT,
    latency_ms      BIGINT,
    input_tokens    INTEGER,
    output_tokens   INTEGER,
    model           VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_events_conversation_idx ON conversation_events (conversation_id, created_at);

CREATE TABLE audit_log (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         UUID REFERENCES users (id) ON DELETE SET NULL,
    action          VARCHAR(100) NOT NULL,
    entity_type     VARCHAR(50),
    entity_id       VARCHAR(100),
    details         TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_log_organisation_idx ON audit_log (organisation_id, created_at);

-- Solo mode's durable queue: verified webhook bodies wait here for the worker, as SQS would hold them.
CREATE TABLE inbound_queue (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    body         BYTEA        NOT NULL,
    enqueued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    visible_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    receive_count INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX inbound_queue_visible_idx ON inbound_queue (visible_at);
