package dev.funnel.backend.audit;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who did what, when: written in the same transaction as the change it describes. */
public final class AuditLog {

    /** One entry; {@code userName} is the author's name when they made it, kept after their account is deleted. */
    public record Entry(UUID id, UUID userId, String userName, String action, String entityType, String entityId,
                        String details, Instant createdAt) {
    }

    /** Which entries to list, newest first; null filters match everything. */
    public record Filter(String action, UUID userId, Instant from, Instant to, int limit, int offset) {
    }

    public void record(Tx tx, UUID organisationId, UUID userId, String action, String entityType, Object entityId,
                       Instant now) {
        record(tx, organisationId, userId, action, entityType, entityId, null, now);
    }

    /** @param details what changed, e.g. {@code {"role": "agent"}}; kept as a JSON object, never a secret */
    public void record(Tx tx, UUID organisationId, UUID userId, String action, String entityType, Object entityId,
                       Map<String, ?> details, Instant now) {
        tx.update("""
                INSERT INTO audit_log (id, organisation_id, user_id, user_name, action, entity_type, entity_id, details,
                                       created_at)
                VALUES (?, ?, ?, (SELECT name FROM users WHERE id = ?), ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), organisationId, userId, userId, action, entityType,
                entityId == null ? null : entityId.toString(), details == null ? null : Json.text(details), now);
    }

    /** The organisation's entries matching {@code filter}, newest first. */
    public List<Entry> list(Tx tx, UUID organisationId, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, user_id, user_name, action, entity_type, entity_id, details, created_at
                FROM audit_log WHERE organisation_id = ?""");
        List<Object> params = new ArrayList<>(List.of(organisationId));
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action());
        }
        if (filter.userId() != null) {
            sql.append(" AND user_id = ?");
            params.add(filter.userId());
        }
        if (filter.from() != null) {
            sql.append(" AND created_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND created_at < ?");
            params.add(filter.to());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
        params.add(filter.limit());
        params.add(filter.offset());
        return tx.query(sql.toString(), AuditLog::map, params.toArray());
    }

    private static Entry map(ResultSet rs) throws SQLException {
        return new Entry(Tx.uuid(rs, "id"), Tx.uuid(rs, "user_id"), rs.getString("user_name"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("details"),
                Tx.instant(rs, "created_at"));
    }
}
