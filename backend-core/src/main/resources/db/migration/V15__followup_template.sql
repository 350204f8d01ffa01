-- The approved template a follow-up sends once the lead's 24-hour window has closed (WhatsApp then takes
-- nothing else), and where each of its values comes from: sources is a JSON document
-- {"header": [..], "body": [..], "buttons": [..]} of lead_name, business_name or custom:<text>.
-- No row: no template is chosen, and such a follow-up is cancelled and handed to a person.
CREATE TABLE followup_templates (
    organisation_id UUID PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    template_id     UUID        NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
    sources         TEXT        NOT NULL,
    name_fallback   VARCHAR(60) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
