package dev.funnel.backend.analytics;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.organisations.OrganisationRepository;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The rows the dashboard and analytics are made of, read within one organisation. Only portable SQL:
 * days, percentiles and reasons are worked out in Java ({@link Analytics}), where the organisation's
 * time zone is known.
 */
public final class AnalyticsRepository {

    /** How many leads (created in the range) stand at this stage, intent and sentiment. */
    public record StateCount(String stage, String intentLevel, String sentiment, int leads) {
    }

    /** A message: who wrote it, when it was stored. */
    public record MessageRow(UUID conversationId, String from, Instant at) {
    }

    /** A handoff (with its reason) or a model call (with its tokens and cost) from a conversation's trace. */
    public record EventRow(UUID conversationId, String type, String detail, long inputTokens, long outputTokens,
                           BigDecimal costUsd, boolean modelCall, Instant at) {
    }

    /** A person took a conversation over from the bot. */
    public record Takeover(UUID conversationId, Instant at) {
    }

    /** The counts of the dashboard; "today" starts at {@code since}. */
    public record Dashboard(int leadsTotal, int leadsNewToday, int conversationsBot, int conversationsHuman,
                            int needsAttention, int messagesInToday, int messagesOutToday, int botRepliesToday,
                            int handoffsToday, int followupsPending) {
    }

    private final OrganisationRepository organisations = new OrganisationRepository();

    /** The organisation's time zone; UTC when it names none Java knows. */
    public ZoneId zone(Tx tx, UUID organisationId) {
        String name = organisations.find(tx, organisationId).orElseThrow().timeZone();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }

    public List<StateCount> leadStates(Tx tx, UUID organisationId, Instant from, Instant to) {
        return tx.query("""
                SELECT COALESCE(c.stage, l.stage) AS stage, COALESCE(c.intent_level, l.intent_level) AS intent_level,
                    COALESCE(c.user_sentiment, l.user_sentiment) AS sentiment, COUNT(*) AS leads
                FROM leads l LEFT JOIN conversations c ON c.lead_id = l.id
                WHERE l.organisation_id = ? AND l.created_at >= ? AND l.created_at < ?
                GROUP BY COALESCE(c.stage, l.stage), COALESCE(c.intent_level, l.intent_level),
                    COALESCE(c.user_sentiment, l.user_sentiment)""",
                rs -> new StateCount(rs.getString("stage"), rs.getString("intent_level"), rs.getString("sentiment"),
                        rs.getInt("leads")), organisationId, from, to);
    }

    public List<MessageRow> messages(Tx tx, UUID organisationId, Instant from, Instant to) {
        return tx.query("""
                SELECT conversation_id, message_from, created_at FROM messages
                WHERE organisation_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id""",
                rs -> new MessageRow(Tx.uuid(rs, "conversation_id"), rs.getString("message_from"),
                        Tx.instant(rs, "created_at")), organisationId, from, to);
    }

    public List<EventRow> events(Tx tx, UUID organisationId, Instant from, Instant to) {
        return tx.query("""
                SELECT conversation_id, event_type, output_summary, input_tokens, output_tokens, cost_usd, created_at
                FROM conversation_events
                WHERE organisation_id = ? AND created_at >= ? AND created_at < ?
                    AND (event_type = 'handoff' OR input_tokens IS NOT NULL OR output_tokens IS NOT NULL)
                ORDER BY created_at, id""",
                rs -> {
                    Integer input = rs.getObject("input_tokens", Integer.class);
                    Integer output = rs.getObject("output_tokens", Integer.class);
                    return new EventRow(Tx.uuid(rs, "conversation_id"), rs.getString("event_type"),
                            rs.getString("output_summary"), input == null ? 0 : input, output == null ? 0 : output,
                            rs.getBigDecimal("cost_usd"), input != null || output != null,
                            Tx.instant(rs, "created_at"));
                }, organisationId, from, to);
    }

    public List<Takeover> takeovers(Tx tx, UUID organisationId, Instant from, Instant to) {
        return tx.query("""
                SELECT entity_id, created_at FROM audit_log
                WHERE organisation_id = ? AND action = 'conversation.takeover' AND created_at >= ? AND created_at < ?
                ORDER BY created_at""",
                rs -> new Takeover(UUID.fromString(rs.getString("entity_id")), Tx.instant(rs, "created_at")),
                organisationId, from, to);
    }

    public Dashboard dashboard(Tx tx, UUID organisationId, Instant since) {
        int[] leads = tx.queryOne("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END), 0) FROM leads
                WHERE organisation_id = ?""", rs -> new int[] {rs.getInt(1), rs.getInt(2)}, since, organisationId)
                .orElseThrow();
        int[] conversations = tx.queryOne("""
                SELECT COALESCE(SUM(CASE WHEN mode = 'bot' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN mode = 'human' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN needs_attention THEN 1 ELSE 0 END), 0)
                FROM conversations WHERE organisation_id = ?""",
                rs -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}, organisationId).orElseThrow();
        int[] messages = tx.queryOne("""
                SELECT COALESCE(SUM(CASE WHEN message_from = 'lead' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN message_from <> 'lead' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN message_from = 'bot' THEN 1 ELSE 0 END), 0)
                FROM messages WHERE organisation_id = ? AND created_at >= ?""",
                rs -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}, organisationId, since).orElseThrow();
        int handoffs = count(tx, """
                SELECT COUNT(*) FROM conversation_events
                WHERE organisation_id = ? AND event_type = 'handoff' AND created_at >= ?""", organisationId, since);
        int followups = count(tx, """
                SELECT COUNT(*) FROM scheduled_actions WHERE organisation_id = ? AND status = 'pending'""",
                organisationId);
        return new Dashboard(leads[0], leads[1], conversations[0], conversations[1], conversations[2], messages[0],
                messages[1], messages[2], handoffs, followups);
    }

    private static int count(Tx tx, String sql, Object... params) {
        return tx.queryOne(sql, rs -> rs.getInt(1), params).orElseThrow();
    }
}
