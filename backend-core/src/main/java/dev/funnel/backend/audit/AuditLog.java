package dev.funnel.backend.audit;

import dev.funnel.backend.db.Tx;
import java.time.Instant;
import java.util.UUID;

/** Who did what, when: written in the same transaction as the change it describes. */
public final class AuditLog {

    public void record(Tx tx, UUID organisationId, UUID userId, String action, String entityType, Object entityId,
                       Instant now) {
        record(tx, organisationId, userId, action, entityType, entityId, null, now);
    }

    /** {@code details} says what changed (e.g. the fields set, or an import's counts); null when the action says it all. */
    public void record(Tx tx, UUID organisationId, UUID userId, String action, String entityType, Object entityId,
                       String details, Instant now) {
        tx.update("""
                INSERT INTO audit_log (id, organisation_id, user_id, action, entity_type, entity_id, details, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), organisationId, userId, action, entityType,
                entityId == null ? null : entityId.toString(), details, now);
    }
}
