-- The inbox's unread badge: lead messages nobody on the team has opened the chat to see since. One
-- marker per conversation for the whole team, counted up as messages arrive and reset when a person
-- opens the chat, so listing the inbox stays a plain read of the conversations.
ALTER TABLE conversations ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;

-- A lead's reaction is a message of type 'reaction' pointing at the message it reacts to; the chat
-- shows it on that message. reaction_emoji is null when the lead took their reaction back.
ALTER TABLE messages ADD COLUMN reacts_to_wa_id VARCHAR(200);
ALTER TABLE messages ADD COLUMN reaction_emoji VARCHAR(64);
-- A document's file name, for the chat's download chip (the rest of the media is in media_id/_mime_type).
ALTER TABLE messages ADD COLUMN media_filename VARCHAR(500);
-- What the chat shows for a shared place (a map link) and contact cards (a line per card, with numbers),
-- beyond the one-line preview in content.
ALTER TABLE messages ADD COLUMN location_url VARCHAR(1000);
ALTER TABLE messages ADD COLUMN contact_cards TEXT;
