package dev.funnel.backend.conversations;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Messages of conversations, deduplicated by WhatsApp message id and by outbound idempotency key. */
public final class MessageRepository {

    /**
     * A lead's message as parsed from a webhook. {@code inboundKey} identifies it across Meta's
     * retries (ids alone are not unique in real payloads).
     */
    public record Inbound(String waMessageId, String inboundKey, String type, String content, String payloadJson,
                          String replyToWaId, Instant waTimestamp, String mediaId, String mediaMimeType,
                          String mediaFilename, String reactsToWaId, String reactionEmoji, String locationUrl,
                          String contactCards) {

        /** A message that is no document, reaction, place or contact card. */
        public Inbound(String waMessageId, String inboundKey, String type, String content, String payloadJson,
                       String replyToWaId, Instant waTimestamp, String mediaId, String mediaMimeType) {
            this(waMessageId, inboundKey, type, content, payloadJson, replyToWaId, waTimestamp, mediaId, mediaMimeType,
                    null, null, null, null, null);
        }
    }

    /**
     * Stores a lead's message unless it is already stored (Meta and the queue both redeliver), with
     * its turn pending. Returns the stored row either way; {@code inserted} says whether it is new.
     */
    public Stored storeInbound(Tx tx, Conversation conversation, Inbound in, Instant now) {
        int inserted = tx.update("""
                INSERT INTO messages (id, organisation_id, conversation_id, lead_id, message_from, message_type,
                    content, payload, wa_message_id, inbound_key, reply_to_wa_id, status, turn_status, wa_timestamp,
                    media_id, media_mime_type, media_filename, reacts_to_wa_id, reaction_emoji, location_url,
                    contact_cards, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'lead', ?, ?, ?, ?, ?, ?, 'received', 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                UUID.randomUUID(), conversation.organisationId(), conversation.id(), conversation.leadId(), in.type(),
                in.content(), in.payloadJson(), in.waMessageId(), in.inboundKey(), in.replyToWaId(), in.waTimestamp(),
                in.mediaId(), in.mediaMimeType(), in.mediaFilename(), in.reactsToWaId(), in.reactionEmoji(), in.locationUrl(),
                in.contactCards(), now, now);
        Message message = tx.queryOne("SELECT * FROM messages WHERE organisation_id = ? AND inbound_key = ?",
                MessageRepository::map, conversation.organisationId(), in.inboundKey()).orElseThrow();
        return new Stored(message, inserted == 1);
    }

    /** The lead's messages still waiting for a bot turn, in the order the lead wrote them. */
    public List<Message> pendingTurn(Tx tx, UUID organisationId, UUID conversationId) {
        return tx.query("""
                SELECT * FROM messages WHERE organisation_id = ? AND conversation_id = ? AND turn_status = 'pending'
                ORDER BY COALESCE(wa_timestamp, created_at), created_at""",
                MessageRepository::map, organisationId, conversationId);
    }

    /** Conversations with lead messages still waiting for a turn (after a restart). */
    public List<ConversationRef> conversationsWithPendingTurns(Tx tx) {
        return tx.query("SELECT DISTINCT organisation_id, conversation_id FROM messages WHERE turn_status = 'pending'",
                rs -> new ConversationRef(Tx.uuid(rs, "organisation_id"), Tx.uuid(rs, "conversation_id")));
    }

    /** Bot replies recorded but not sent when the server stopped. */
    public List<Message> unsentBotReplies(Tx tx) {
        return tx.query("SELECT * FROM messages WHERE message_from = 'bot' AND status = 'queued' ORDER BY created_at",
                MessageRepository::map);
    }

    public record Stored(Message message, boolean inserted) {
    }

    /**
     * Records an outbound message before it leaves, under an idempotency key; a second call with the
     * same key returns the first record instead of making another. {@code replyToWaId} (may be null)
     * is the WhatsApp id of the message it quotes.
     */
    public Message recordOutbound(Tx tx, Conversation conversation, String from, String content, String replyToWaId,
                                  String idempotencyKey, UUID sentByUserId, Instant now) {
        return insertOutbound(tx, conversation, from, "text", content, null, replyToWaId, idempotencyKey,
                sentByUserId, now);
    }

    /**
     * Records a template message the same way: {@code content} is its text as the lead reads it and
     * {@code templateJson} the template with its values, which is what is sent.
     */
    public Message recordOutboundTemplate(Tx tx, Conversation conversation, String from, String content,
                                          String templateJson, String replyToWaId, String idempotencyKey,
                                          UUID sentByUserId, Instant now) {
        return insertOutbound(tx, conversation, from, "template", content, templateJson, replyToWaId, idempotencyKey,
                sentByUserId, now);
    }

    private Message insertOutbound(Tx tx, Conversation conversation, String from, String type, String content,
                                   String payload, String replyToWaId, String idempotencyKey, UUID sentByUserId,
                                   Instant now) {
        tx.update("""
                INSERT INTO messages (id, organisation_id, conversation_id, lead_id, message_from, message_type,
                    content, payload, reply_to_wa_id, status, idempotency_key, sent_by_user_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                UUID.randomUUID(), conversation.organisationId(), conversation.id(), conversation.leadId(), from,
                type, content, payload, replyToWaId, idempotencyKey, sentByUserId, now, now);
        return findByIdempotencyKey(tx, idempotencyKey).orElseThrow();
    }

    /** The message's own JSON: the webhook's for a lead's message, what is sent for a template. */
    public Optional<String> payload(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT payload FROM messages WHERE organisation_id = ? AND id = ?",
                rs -> rs.getString("payload"), organisationId, id);
    }

    public Optional<Message> findByIdempotencyKey(Tx tx, String key) {
        return tx.queryOne("SELECT * FROM messages WHERE idempotency_key = ?", MessageRepository::map, key);
    }

    public Optional<Message> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT * FROM messages WHERE organisation_id = ? AND id = ?", MessageRepository::map,
                organisationId, id);
    }

    /**
     * Where a page of older messages ends: before the message written at {@code sortedAt} (its WhatsApp
     * time, or when it was stored), with ties broken by {@code createdAt} and {@code id}; a cursor
     * with only {@code sortedAt} is a point in time.
     */
    public record Before(Instant sortedAt, Instant createdAt, UUID id) {

        public static Before time(Instant at) {
            return new Before(at, null, null);
        }
    }

    /** The cursor of a message of the conversation; empty when the conversation has no such message. */
    public Optional<Before> before(Tx tx, UUID organisationId, UUID conversationId, UUID messageId) {
        return tx.queryOne("""
                SELECT COALESCE(wa_timestamp, created_at) AS sorted_at, created_at, id FROM messages
                WHERE organisation_id = ? AND conversation_id = ? AND id = ?""",
                rs -> new Before(Tx.instant(rs, "sorted_at"), Tx.instant(rs, "created_at"), Tx.uuid(rs, "id")),
                organisationId, conversationId, messageId);
    }

    /** When the bot last wrote in the conversation before {@code at}; empty when it had not. */
    public Optional<Instant> lastBotMessageBefore(Tx tx, UUID organisationId, UUID conversationId, Instant at) {
        return tx.queryOne("""
                SELECT MAX(created_at) AS at FROM messages
                WHERE organisation_id = ? AND conversation_id = ? AND message_from = 'bot' AND created_at < ?""",
                rs -> Optional.ofNullable(Tx.instant(rs, "at")), organisationId, conversationId, at)
                .flatMap(found -> found);
    }

    public List<Message> list(Tx tx, UUID organisationId, UUID conversationId, int limit) {
        return list(tx, organisationId, conversationId, limit, null);
    }

    /**
     * The newest page of messages before {@code before} (null: the newest of all), returned oldest first
     * for reading; a lead's messages in the order they were written (their WhatsApp time), even when the
     * webhooks arrived out of order.
     */
    public List<Message> list(Tx tx, UUID organisationId, UUID conversationId, int limit, Before before) {
        StringBuilder sql = new StringBuilder("SELECT * FROM messages WHERE organisation_id = ? AND conversation_id = ?");
        List<Object> params = new ArrayList<>(List.of(organisationId, conversationId));
        if (before != null && before.id() == null) {
            sql.append(" AND COALESCE(wa_timestamp, created_at) < ?");
            params.add(before.sortedAt());
        } else if (before != null) {
            sql.append(" AND (COALESCE(wa_timestamp, created_at) < ? OR (COALESCE(wa_timestamp, created_at) = ?"
                    + " AND (created_at < ? OR (created_at = ? AND id < ?))))");
            params.addAll(List.of(before.sortedAt(), before.sortedAt(), before.createdAt(), before.createdAt(),
                    before.id()));
        }
        // reversed here rather than in an outer query: H2 scans the whole table for a derived table with parameters
        sql.append(" ORDER BY COALESCE(wa_timestamp, created_at) DESC, created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return tx.query(sql.toString(), MessageRepository::map, params.toArray()).reversed();
    }

    /**
     * The messages the rolling summary has not taken in as of {@code before}: stored after the last
     * summarize step before then wrote it (every one, when none had), and before {@code before}; the
     * newest {@code limit}, oldest first. A turn's reply is stored with its summary, which saw it.
     */
    public List<Message> unsummarised(Tx tx, UUID organisationId, UUID conversationId, Instant before, int limit) {
        Optional<Instant> summarised = tx.queryOne("""
                SELECT created_at FROM conversation_events
                WHERE organisation_id = ? AND conversation_id = ? AND pipeline_step = 'summarize'
                    AND output_summary LIKE '{%' AND created_at < ?
                ORDER BY created_at DESC LIMIT 1""",
                rs -> Tx.instant(rs, "created_at"), organisationId, conversationId, before);
        return tx.query("""
                SELECT * FROM messages WHERE organisation_id = ? AND conversation_id = ? AND created_at > ?
                    AND created_at < ?
                ORDER BY COALESCE(wa_timestamp, created_at) DESC, created_at DESC, id DESC LIMIT ?""",
                MessageRepository::map, organisationId, conversationId, summarised.orElse(Instant.EPOCH), before,
                limit).reversed();
    }

    /** A lead's reaction as the chat shows it: on the message it reacts to. */
    public record Reaction(UUID id, String reactsToWaId, String emoji) {
    }

    /**
     * The conversation's reactions to messages it holds, in the order the lead made them (a later one
     * replaces an earlier one on the same message; an empty emoji takes it back). Reactions to messages
     * the conversation does not have are left out: they stay ordinary messages.
     */
    public List<Reaction> reactions(Tx tx, UUID organisationId, UUID conversationId) {
        return tx.query("""
                SELECT r.id, r.reacts_to_wa_id, r.reaction_emoji FROM messages r
                WHERE r.organisation_id = ? AND r.conversation_id = ? AND r.reacts_to_wa_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM messages t WHERE t.organisation_id = r.organisation_id
                      AND t.conversation_id = r.conversation_id AND t.wa_message_id = r.reacts_to_wa_id)
                ORDER BY COALESCE(r.wa_timestamp, r.created_at), r.created_at, r.id""",
                rs -> new Reaction(Tx.uuid(rs, "id"), rs.getString("reacts_to_wa_id"), rs.getString("reaction_emoji")),
                organisationId, conversationId);
    }

    public void markSent(Tx tx, UUID id, String waMessageId, String status, Instant now) {
        tx.update("UPDATE messages SET wa_message_id = ?, status = ?, updated_at = ? WHERE id = ?",
                waMessageId, status, now, id);
    }

    public void markFailed(Tx tx, UUID id, String errorCode, String errorTitle, Instant now) {
        tx.update("UPDATE messages SET status = 'failed', error_code = ?, error_title = ?, updated_at = ? WHERE id = ?",
                errorCode, errorTitle, now, id);
    }

    /** True while every one of these lead messages still waits for its turn (no other turn has closed it). */
    public boolean allPending(Tx tx, List<Message> inbound) {
        return inbound.stream().allMatch(m -> tx.queryOne(
                "SELECT 1 FROM messages WHERE id = ? AND turn_status = 'pending'", rs -> true, m.id()).isPresent());
    }

    /** Closes the turn of these lead messages (done, human, handed_off...). */
    public void finishTurn(Tx tx, List<Message> inbound, String turnStatus, Instant now) {
        for (Message m : inbound) {
            tx.update("UPDATE messages SET turn_status = ?, updated_at = ? WHERE id = ? AND turn_status = 'pending'",
                    turnStatus, now, m.id());
        }
    }

    private static Message map(ResultSet rs) throws SQLException {
        return new Message(
                Tx.uuid(rs, "id"),
                Tx.uuid(rs, "organisation_id"),
                Tx.uuid(rs, "conversation_id"),
                Tx.uuid(rs, "lead_id"),
                rs.getString("message_from"),
                rs.getString("message_type"),
                rs.getString("content"),
                rs.getString("wa_message_id"),
                rs.getString("reply_to_wa_id"),
                rs.getString("status"),
                rs.getString("error_code"),
                rs.getString("error_title"),
                rs.getString("turn_status"),
                rs.getString("idempotency_key"),
                rs.getString("media_id"),
                rs.getString("media_mime_type"),
                Tx.instant(rs, "created_at"),
                rs.getString("reacts_to_wa_id"),
                rs.getString("reaction_emoji"),
                rs.getString("media_filename"),
                rs.getString("location_url"),
                rs.getString("contact_cards"));
    }
}
