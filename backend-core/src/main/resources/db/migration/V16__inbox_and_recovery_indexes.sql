-- The inbox lists an organisation's conversations newest first, a page at a time. With this index the
-- first page reads its rows in order and stops, instead of sorting all of the organisation's
-- conversations (10,000 took about 300 ms at a cold start on H2). H2 uses an index for an ORDER BY only
-- when the index starts with the ORDER BY's columns in the same directions, so the inbox's query orders
-- by organisation_id DESC first (one organisation per query: it changes nothing) and the index matches it.
CREATE INDEX conversations_inbox_idx ON conversations (organisation_id DESC, last_message_at DESC, updated_at DESC, id);
DROP INDEX conversations_organisation_idx;

-- At each start the worker looks for bot replies recorded but not sent (status 'queued') and for turns
-- left pending; without these it read every message of every conversation to find the few.
CREATE INDEX messages_status_idx ON messages (status);
CREATE INDEX messages_turn_status_idx ON messages (turn_status);
