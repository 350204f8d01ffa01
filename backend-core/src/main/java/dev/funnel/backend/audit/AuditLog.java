package dev.funnel.backend.audit;

import dev.funnel.backend.db.Tx;
import java.time.Instant;
import java.util.UUID;

/** Who did what, when: written in the same transaction as the change it describes. */
public final class AuditLog {

    public void record(Tx tx, UUID organisationId, UUID userId, String action, String entityType, Object entityId,
                       Instant now) {
        tx.update("""
                INSERT INTO audit_log (id, organisation_id, user_id, action, entity_type, entity_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), organisationId, userId, action, entityType,
                entityId == null ? null : entityId.toString(), now);
    }
}
