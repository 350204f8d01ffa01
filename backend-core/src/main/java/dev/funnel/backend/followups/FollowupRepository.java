package dev.funnel.backend.followups;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code scheduled_actions} of conversations, always within one organisation for the API. A
 * conversation has at most one pending action: scheduling another cancels it. The conversation's
 * {@code scheduled_followup_at} mirrors its pending follow-up.
 */
public final class FollowupRepository {

    private static final String SELECT = """
            SELECT id, organisation_id, conversation_id, action_type, scheduled_at, status, attempts,
                COALESCE(last_error, action_context) AS reason, executed_at, created_at
            FROM scheduled_actions""";
    private static final String FOLLOWUPS_SENT = """
            SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND message_from = 'bot'
                AND idempotency_key LIKE 'followup:%' AND status <> 'failed'""";

    /** Follow-ups sent to a conversation (failed sends do not count). */
    record Sent(int last24h, int total) {
    }

    /** Replaces the conversation's pending action, if any, by this one. */
    public ScheduledAction schedule(Tx tx, UUID organisationId, UUID conversationId, ScheduledAction.Type type,
                                    Instant at, String why, Instant now) {
        cancelPending(tx, conversationId, "replaced by a newer follow-up", now);
        UUID id = UUID.randomUUID();
        tx.update("""
                INSERT INTO scheduled_actions (id, organisation_id, conversation_id, action_type, action_context,
                    scheduled_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)""",
                id, organisationId, conversationId, type, why, at, now);
        mirror(tx, conversationId);
        return find(tx, organisationId, id).orElseThrow();
    }

    /** Cancels every pending action of the conversation; returns how many there were. */
    public int cancelPending(Tx tx, UUID conversationId, String reason, Instant now) {
        int cancelled = tx.update("""
                UPDATE scheduled_actions SET status = 'cancelled', last_error = ?, claimed_at = NULL
                WHERE conversation_id = ? AND status = 'pending'""", reason, conversationId);
        mirror(tx, conversationId);
        return cancelled;
    }

    /**
     * Claims up to {@code max} due actions for this backend: pending ones whose time has come, and
     * running ones whose claim is older than {@code claimTimeout} (their backend died). Locked rows
     * are skipped, so backends sharing the database never claim the same action.
     */
    public List<ScheduledAction> claimDue(Tx tx, Instant now, Duration claimTimeout, int max) {
        List<UUID> ids = tx.query("""
                SELECT id FROM scheduled_actions
                WHERE (status = 'pending' AND scheduled_at <= ?) OR (status = 'running' AND claimed_at <= ?)
                ORDER BY scheduled_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                rs -> Tx.uuid(rs, "id"), now, now.minus(claimTimeout), max);
        for (UUID id : ids) {
            tx.update("UPDATE scheduled_actions SET status = 'running', claimed_at = ?, attempts = attempts + 1 "
                    + "WHERE id = ?", now, id);
        }
        return ids.stream().map(id -> tx.queryOne(SELECT + " WHERE id = ?", FollowupRepository::map, id).orElseThrow())
                .toList();
    }

    /** Ends an action: {@code executed}, {@code cancelled} or {@code failed}, with the reason for the last two. */
    void finish(Tx tx, ScheduledAction action, String status, String reason, Instant now) {
        tx.update("""
                UPDATE scheduled_actions SET status = ?, last_error = ?, claimed_at = NULL, executed_at = ?
                WHERE id = ?""", status, reason, "executed".equals(status) ? now : null, action.id());
        mirror(tx, action.conversationId());
    }

    void markGhosted(Tx tx, UUID conversationId, Instant now) {
        tx.update("UPDATE conversations SET stage = 'ghosted', updated_at = ? WHERE id = ?", now, conversationId);
    }

    /** Puts a claimed action back to wait until {@code at}, saying why. */
    void postpone(Tx tx, ScheduledAction action, Instant at, String reason) {
        tx.update("""
                UPDATE scheduled_actions SET status = 'pending', scheduled_at = ?, last_error = ?, claimed_at = NULL
                WHERE id = ?""", at, reason, action.id());
        mirror(tx, action.conversationId());
    }

    public Optional<ScheduledAction> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne(SELECT + " WHERE organisation_id = ? AND id = ?", FollowupRepository::map,
                organisationId, id);
    }

    /** Reads and row-locks the action, so a cancel and a claim cannot interleave. */
    Optional<ScheduledAction> lock(Tx tx, UUID organisationId, UUID id) {
        tx.query("SELECT id FROM scheduled_actions WHERE organisation_id = ? AND id = ? FOR UPDATE", rs -> 1,
                organisationId, id);
        return find(tx, organisationId, id);
    }

    /** The conversation's actions, pending and past, newest first. */
    List<ScheduledAction> list(Tx tx, UUID organisationId, UUID conversationId, int limit) {
        return tx.query(SELECT + " WHERE organisation_id = ? AND conversation_id = ? "
                        + "ORDER BY created_at DESC, scheduled_at DESC LIMIT ?",
                FollowupRepository::map, organisationId, conversationId, limit);
    }

    /** Counts the follow-ups sent and keeps the conversation's counters in step with them. */
    Sent refreshCounts(Tx tx, UUID conversationId, Instant now) {
        int last24h = tx.queryOne(FOLLOWUPS_SENT + " AND created_at > ?", rs -> rs.getInt(1), conversationId,
                now.minus(Duration.ofHours(24))).orElse(0);
        int total = tx.queryOne(FOLLOWUPS_SENT, rs -> rs.getInt(1), conversationId).orElse(0);
        tx.update("UPDATE conversations SET followup_count_24h = ?, total_nudges = ? WHERE id = ?", last24h, total,
                conversationId);
        return new Sent(last24h, total);
    }

    Cadence cadence(Tx tx, UUID organisationId) {
        return tx.queryOne("SELECT followup_cadence_minutes, ghosted_after_hours FROM organisations WHERE id = ?",
                rs -> Cadence.of(rs.getString(1), rs.getInt(2)), organisationId).orElseThrow();
    }

    /** The lead's latest message: a follow-up's trace rows join the turn that answered it. */
    Optional<UUID> lastLeadMessage(Tx tx, UUID conversationId) {
        return tx.queryOne("""
                SELECT id FROM messages WHERE conversation_id = ? AND message_from = 'lead'
                ORDER BY COALESCE(wa_timestamp, created_at) DESC, created_at DESC LIMIT 1""",
                rs -> Tx.uuid(rs, "id"), conversationId);
    }

    private static void mirror(Tx tx, UUID conversationId) {
        tx.update("""
                UPDATE conversations SET scheduled_followup_at = (SELECT MIN(scheduled_at) FROM scheduled_actions
                    WHERE conversation_id = ? AND action_type = 'followup' AND status IN ('pending', 'running'))
                WHERE id = ?""", conversationId, conversationId);
    }

    private static ScheduledAction map(ResultSet rs) throws SQLException {
        return new ScheduledAction(
                Tx.uuid(rs, "id"),
                Tx.uuid(rs, "organisation_id"),
                Tx.uuid(rs, "conversation_id"),
                ScheduledAction.Type.of(rs.getString("action_type")),
                Tx.instant(rs, "scheduled_at"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("reason"),
                Tx.instant(rs, "executed_at"),
                Tx.instant(rs, "created_at"));
    }
}
