-- A conversation's messages are always read within its organisation. With only single-column
-- matches to choose from, H2 picked an index led by organisation_id (the unique keys) and filtered
-- every message of the organisation on each read; this index matches both columns (and the turn
-- status of pending messages), so each read touches one conversation's rows.
CREATE INDEX messages_org_conversation_idx ON messages (organisation_id, conversation_id, turn_status);
DROP INDEX messages_turn_idx;
