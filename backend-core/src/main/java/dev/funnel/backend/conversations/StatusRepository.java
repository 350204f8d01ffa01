package dev.funnel.backend.conversations;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.webhook.ErrorInfo;
import dev.funnel.backend.webhook.StatusUpdate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delivery statuses of our outbound messages. They arrive late, twice and out of order: each
 * (message, status) is recorded once, and the message's own status only ever moves forward
 * (sent → delivered → read); {@code failed} is final and keeps Meta's code and title.
 */
public final class StatusRepository {

    /** Orders statuses the way they happen; SQL twin of {@link StatusUpdate#rank()}. */
    private static final String RANK = """
            CASE status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3
                    WHEN 'played' THEN 4 WHEN 'failed' THEN 5 ELSE 0 END""";

    private final MessageRepository messages = new MessageRepository();

    /** Applies one status; returns the outbound messages whose visible status changed. */
    public List<Message> apply(Tx tx, UUID organisationId, StatusUpdate update, Instant now) {
        ErrorInfo error = update.errors().isEmpty() ? null : update.errors().getFirst();
        String code = error == null || error.code() == null ? null : error.code().toString();
        String title = error == null ? null : firstNonBlank(error.title(), error.message());
        int recorded = tx.update("""
                INSERT INTO message_statuses (organisation_id, wa_message_id, status, status_at, error_code,
                    error_title, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                organisationId, update.waMessageId(), update.status(), update.timestamp(), code, title, now);
        if (recorded == 0) {
            return List.of();
        }
        List<UUID> changed = tx.query("SELECT id FROM messages WHERE organisation_id = ? AND wa_message_id = ?"
                        + " AND message_from <> 'lead' AND " + RANK + " < ?",
                rs -> Tx.uuid(rs, "id"), organisationId, update.waMessageId(), update.rank());
        for (UUID id : changed) {
            tx.update("UPDATE messages SET status = ?, error_code = COALESCE(?, error_code), "
                    + "error_title = COALESCE(?, error_title), updated_at = ? WHERE id = ?",
                    update.status(), code, title, now, id);
        }
        return changed.stream().map(id -> messages.find(tx, organisationId, id).orElseThrow()).toList();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
