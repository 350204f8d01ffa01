package dev.funnel.backend.conversations;

import dev.funnel.backend.db.Like;
import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations, always read and written within one organisation. */
public final class ConversationRepository {

    private static final String SELECT = """
            SELECT c.*, l.name AS lead_name, l.phone AS lead_phone, l.simulated AS lead_simulated
            FROM conversations c JOIN leads l ON l.id = c.lead_id
            """;

    /**
     * Filters for the inbox list; null means "any". {@code q} is searched in the lead's name and phone
     * and in the conversation's messages.
     */
    public record Filter(String mode, String stage, String intentLevel, Boolean needsAttention, String q) {

        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    /** The lead's conversation, made on its first message with the state the lead already had (set by a person). */
    public Conversation getOrCreate(Tx tx, UUID organisationId, UUID leadId, Instant now) {
        tx.update("""
                INSERT INTO conversations (id, organisation_id, lead_id, stage, intent_level, user_sentiment,
                    created_at, updated_at)
                SELECT ?, organisation_id, id, stage, intent_level, user_sentiment, ?, ?
                FROM leads WHERE organisation_id = ? AND id = ? ON CONFLICT DO NOTHING""",
                UUID.randomUUID(), now, now, organisationId, leadId);
        return tx.queryOne(SELECT + "WHERE c.organisation_id = ? AND c.lead_id = ?", ConversationRepository::map,
                organisationId, leadId).orElseThrow();
    }

    public Optional<Conversation> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne(SELECT + "WHERE c.organisation_id = ? AND c.id = ?", ConversationRepository::map,
                organisationId, id);
    }

    /** Reads and row-locks the conversation, so a takeover and a bot reply cannot interleave. */
    public Optional<Conversation> lock(Tx tx, UUID organisationId, UUID id) {
        tx.query("SELECT id FROM conversations WHERE organisation_id = ? AND id = ? FOR UPDATE", rs -> 1,
                organisationId, id);
        return find(tx, organisationId, id);
    }

    /** A page of the matching conversations, latest message first. */
    public List<Conversation> list(Tx tx, UUID organisationId, Filter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String sql = pageQuery(organisationId, filter, params);
        params.add(limit);
        params.add(offset);
        return tx.query(sql, ConversationRepository::map, params.toArray());
    }

    /**
     * The page's query, its limit and offset left as the last two parameters. It orders by
     * organisation_id first (one organisation: no change) so that conversations_inbox_idx gives the
     * order on H2 too (V16).
     */
    static String pageQuery(UUID organisationId, Filter filter, List<Object> params) {
        return SELECT + where(organisationId, filter, params)
                + " ORDER BY c.organisation_id DESC, c.last_message_at DESC, c.updated_at DESC, c.id LIMIT ? OFFSET ?";
    }

    public int count(Tx tx, UUID organisationId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, filter, params);
        // the lead's columns are only searched: without a search the count needs no join
        String from = filter.q() == null ? "FROM conversations c "
                : "FROM conversations c JOIN leads l ON l.id = c.lead_id ";
        return tx.queryOne("SELECT COUNT(*) " + from + where,
                rs -> rs.getInt(1), params.toArray()).orElseThrow();
    }

    private static String where(UUID organisationId, Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE c.organisation_id = ?");
        params.add(organisationId);
        if (filter.mode() != null) {
            sql.append(" AND c.mode = ?");
            params.add(filter.mode());
        }
        if (filter.stage() != null) {
            sql.append(" AND c.stage = ?");
            params.add(filter.stage());
        }
        if (filter.intentLevel() != null) {
            sql.append(" AND c.intent_level = ?");
            params.add(filter.intentLevel());
        }
        if (filter.needsAttention() != null) {
            sql.append(" AND c.needs_attention = ?");
            params.add(filter.needsAttention());
        }
        if (filter.q() != null) {
            String pattern = Like.contains(filter.q());
            sql.append(" AND (LOWER(l.name) LIKE ?").append(Like.ESCAPE).append(" OR l.phone LIKE ?")
                    .append(Like.ESCAPE).append(" OR EXISTS (SELECT 1 FROM messages m WHERE m.organisation_id ="
                            + " c.organisation_id AND m.conversation_id = c.id AND LOWER(m.content) LIKE ?")
                    .append(Like.ESCAPE).append("))");
            params.addAll(List.of(pattern, Like.containsPhone(filter.q()), pattern));
        }
        return sql.toString();
    }

    /** A person moved the conversation to another stage. */
    public void setStage(Tx tx, UUID id, String stage, Instant now) {
        tx.update("UPDATE conversations SET stage = ?, updated_at = ? WHERE id = ?", stage, now, id);
    }

    /** A person saw to what the conversation was flagged for. */
    public void clearAttention(Tx tx, UUID id, Instant now) {
        tx.update("UPDATE conversations SET needs_attention = FALSE, attention_reason = NULL, updated_at = ? WHERE id = ?",
                now, id);
    }

    /**
     * A lead message arrived; one that was delayed (older than what is shown) does not move the preview back.
     * {@code unread}: whether it counts towards the unread badge (a reaction or a notice from WhatsApp does not).
     */
    public void recordLeadMessage(Tx tx, UUID id, String preview, boolean unread, Instant at, Instant now) {
        tx.update("""
                UPDATE conversations SET unread_count = unread_count + ?,
                    last_message = CASE WHEN last_message_at IS NULL OR last_message_at <= ? THEN ? ELSE last_message END,
                    last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at <= ? THEN ? ELSE last_message_at END,
                    last_user_message_at = CASE WHEN last_user_message_at IS NULL OR last_user_message_at <= ? THEN ?
                        ELSE last_user_message_at END,
                    updated_at = ? WHERE id = ?""", unread ? 1 : 0, at, preview, at, at, at, at, now, id);
    }

    /** A person opened the chat: its lead messages count as seen by the team. Returns whether any were unread. */
    public boolean markRead(Tx tx, UUID id) {
        return tx.update("UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0", id) == 1;
    }

    public void recordOutboundMessage(Tx tx, UUID id, String preview, boolean byBot, Instant now) {
        if (byBot) {
            tx.update("""
                    UPDATE conversations SET last_message = ?, last_message_at = ?, last_bot_message_at = ?,
                        updated_at = ? WHERE id = ?""", preview, now, now, now, id);
        } else {
            tx.update("UPDATE conversations SET last_message = ?, last_message_at = ?, updated_at = ? WHERE id = ?",
                    preview, now, now, id);
        }
    }

    /** What a bot turn learned: stage, intent, sentiment and the rolling summary. */
    /** A turn's outcome; {@code leadLanguage} null keeps the language already known. */
    public void applyTurn(Tx tx, UUID id, String stage, String intentLevel, String sentiment, String summary,
                          String leadLanguage, Instant now) {
        tx.update("""
                UPDATE conversations SET stage = ?, intent_level = ?, user_sentiment = ?, rolling_summary = ?,
                    lead_language = COALESCE(?, lead_language), updated_at = ? WHERE id = ?""",
                stage, intentLevel, sentiment, summary, leadLanguage, now, id);
    }

    /** The bot led the lead to this call to action: the conversation is at the CTA stage. */
    public void initiateCta(Tx tx, UUID id, UUID ctaId, Instant now) {
        tx.update("UPDATE conversations SET cta_id = ?, stage = 'cta', updated_at = ? WHERE id = ?", ctaId, now, id);
    }

    public void setMode(Tx tx, UUID id, String mode, UUID userId, Instant now) {
        tx.update("""
                UPDATE conversations SET mode = ?, taken_over_by = ?, needs_attention = FALSE,
                    attention_reason = NULL, updated_at = ? WHERE id = ?""", mode, userId, now, id);
    }

    /** Asks a person to look; {@code pauseBot} also silences the bot until someone releases it. */
    public void flag(Tx tx, UUID id, String reason, boolean pauseBot, Instant now) {
        tx.update(pauseBot
                ? "UPDATE conversations SET needs_attention = TRUE, attention_reason = ?, mode = 'human', updated_at = ? WHERE id = ?"
                : "UPDATE conversations SET needs_attention = TRUE, attention_reason = ?, updated_at = ? WHERE id = ?",
                reason, now, id);
    }

    private static Conversation map(ResultSet rs) throws SQLException {
        return new Conversation(
                Tx.uuid(rs, "id"),
                Tx.uuid(rs, "organisation_id"),
                Tx.uuid(rs, "lead_id"),
                rs.getString("lead_name"),
                rs.getString("lead_phone"),
                rs.getBoolean("lead_simulated"),
                rs.getString("stage"),
                rs.getString("intent_level"),
                rs.getString("user_sentiment"),
                rs.getString("mode"),
                rs.getBoolean("needs_attention"),
                rs.getString("attention_reason"),
                rs.getString("rolling_summary"),
                rs.getString("last_message"),
                Tx.instant(rs, "last_message_at"),
                Tx.instant(rs, "last_user_message_at"),
                Tx.instant(rs, "last_bot_message_at"),
                rs.getInt("followup_count_24h"),
                rs.getInt("total_nudges"),
                Tx.instant(rs, "updated_at"),
                rs.getString("lead_language"),
                rs.getInt("unread_count"));
    }
}
