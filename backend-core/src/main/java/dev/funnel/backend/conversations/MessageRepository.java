package dev.funnel.backend.conversations;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Messages of conversations, deduplicated by WhatsApp message id and by outbound idempotency key. */
public final class MessageRepository {

    /** A lead's message as parsed from a webhook. */
    public record Inbound(String waMessageId, String type, String content, String payloadJson, String replyToWaId,
                          Instant waTimestamp) {
    }

    /**
     * Stores a lead's message unless its WhatsApp id is already stored (Meta and the queue both
     * redeliver). Returns the stored row either way; {@code inserted} says whether it is new.
     */
    public Stored storeInbound(Tx tx, Conversation conversation, Inbound in, Instant now) {
        int inserted = tx.update("""
                INSERT INTO messages (id, organisation_id, conversation_id, lead_id, message_from, message_type,
                    content, payload, wa_message_id, reply_to_wa_id, status, turn_status, wa_timestamp,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, 'lead', ?, ?, ?, ?, ?, 'received', 'pending', ?, ?, ?) ON CONFLICT DO NOTHING""",
                UUID.randomUUID(), conversation.organisationId(), conversation.id(), conversation.leadId(), in.type(),
                in.content(), in.payloadJson(), in.waMessageId(), in.replyToWaId(), in.waTimestamp(), now, now);
        Message message = findByWaId(tx, conversation.organisationId(), in.waMessageId()).orElseThrow();
        return new Stored(message, inserted == 1);
    }

    public record Stored(Message message, boolean inserted) {
    }

    /**
     * Records an outbound message before it leaves, under an idempotency key; a second call with the
     * same key returns the first record instead of making another.
     */
    public Message recordOutbound(Tx tx, Conversation conversation, String from, String content,
                                  String idempotencyKey, UUID sentByUserId, Instant now) {
        tx.update("""
                INSERT INTO messages (id, organisation_id, conversation_id, lead_id, message_from, message_type,
                    content, status, idempotency_key, sent_by_user_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'text', ?, 'queued', ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                UUID.randomUUID(), conversation.organisationId(), conversation.id(), conversation.leadId(), from,
                content, idempotencyKey, sentByUserId, now, now);
        return findByIdempotencyKey(tx, idempotencyKey).orElseThrow();
    }

    public Optional<Message> findByIdempotencyKey(Tx tx, String key) {
        return tx.queryOne("SELECT * FROM messages WHERE idempotency_key = ?", MessageRepository::map, key);
    }

    public Optional<Message> findByWaId(Tx tx, UUID organisationId, String waMessageId) {
        return tx.queryOne("SELECT * FROM messages WHERE organisation_id = ? AND wa_message_id = ?",
                MessageRepository::map, organisationId, waMessageId);
    }

    public Optional<Message> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT * FROM messages WHERE organisation_id = ? AND id = ?", MessageRepository::map,
                organisationId, id);
    }

    public List<Message> list(Tx tx, UUID organisationId, UUID conversationId, int limit) {
        // the newest page, returned oldest first for reading
        return tx.query("""
                SELECT * FROM (SELECT * FROM messages WHERE organisation_id = ? AND conversation_id = ?
                    ORDER BY created_at DESC, id DESC LIMIT ?) page ORDER BY created_at, id""",
                MessageRepository::map, organisationId, conversationId, limit);
    }

    public List<Message> lastMessages(Tx tx, UUID organisationId, UUID conversationId, int count) {
        return list(tx, organisationId, conversationId, count);
    }

    public void markSent(Tx tx, UUID id, String waMessageId, String status, Instant now) {
        tx.update("UPDATE messages SET wa_message_id = ?, status = ?, updated_at = ? WHERE id = ?",
                waMessageId, status, now, id);
    }

    public void markFailed(Tx tx, UUID id, String errorCode, String errorTitle, Instant now) {
        tx.update("UPDATE messages SET status = 'failed', error_code = ?, error_title = ?, updated_at = ? WHERE id = ?",
                errorCode, errorTitle, now, id);
    }

    public void finishTurn(Tx tx, UUID inboundId, String turnStatus, Instant now) {
        tx.update("UPDATE messages SET turn_status = ?, updated_at = ? WHERE id = ?", turnStatus, now, inboundId);
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
                rs.getString("status"),
                rs.getString("error_code"),
                rs.getString("error_title"),
                rs.getString("turn_status"),
                rs.getString("idempotency_key"),
                Tx.instant(rs, "created_at"));
    }
}
