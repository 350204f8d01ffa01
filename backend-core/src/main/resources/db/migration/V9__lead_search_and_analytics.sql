-- The dashboard and analytics read an organisation's rows by time: leads created, messages stored and
-- trace rows (handoffs, tokens, cost) within a range of days.
CREATE INDEX leads_organisation_created_idx ON leads (organisation_id, created_at);
CREATE INDEX messages_organisation_created_idx ON messages (organisation_id, created_at);
CREATE INDEX conversation_events_organisation_created_idx ON conversation_events (organisation_id, created_at);
