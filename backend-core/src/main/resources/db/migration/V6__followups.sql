-- Follow-ups after a lead goes quiet: each organisation's cadence (nudges this many minutes after the
-- lead's last message, comma-separated) and when a lead who never answered counts as ghosted.
ALTER TABLE organisations ADD COLUMN followup_cadence_minutes VARCHAR(200) NOT NULL DEFAULT '10,180,360';
ALTER TABLE organisations ADD COLUMN ghosted_after_hours INTEGER NOT NULL DEFAULT 24;

-- When a backend claimed a running action: one left running by a crashed backend is claimed again later.
ALTER TABLE scheduled_actions ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX scheduled_actions_conversation_idx ON scheduled_actions (conversation_id, created_at);
