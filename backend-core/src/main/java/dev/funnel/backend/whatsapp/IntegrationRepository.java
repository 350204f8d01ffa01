package dev.funnel.backend.whatsapp;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Each organisation's WhatsApp connection (at most one). */
public final class IntegrationRepository {

    public Optional<Integration> find(Tx tx, UUID organisationId) {
        return tx.queryOne("SELECT * FROM whatsapp_integrations WHERE organisation_id = ?",
                IntegrationRepository::map, organisationId);
    }

    /** Connects or reconnects: one row per organisation, replaced as a whole. */
    public void save(Tx tx, UUID organisationId, String phoneNumberId, String businessAccountId,
                     String displayPhoneNumber, String accessTokenEncrypted, Instant now) {
        tx.update("DELETE FROM whatsapp_integrations WHERE organisation_id = ?", organisationId);
        tx.update("""
                INSERT INTO whatsapp_integrations (id, organisation_id, phone_number_id, business_account_id,
                    display_phone_number, access_token_encrypted, status, connected_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'connected', ?, ?)""",
                UUID.randomUUID(), organisationId, phoneNumberId, businessAccountId, displayPhoneNumber,
                accessTokenEncrypted, now, now);
    }

    /** Marks a connected number disconnected; false when it already was (or is gone). */
    public boolean disconnect(Tx tx, UUID organisationId, String reason, Instant now) {
        return tx.update("""
                UPDATE whatsapp_integrations SET status = 'disconnected', status_reason = ?, updated_at = ?
                WHERE organisation_id = ? AND status = 'connected'""", reason, now, organisationId) > 0;
    }

    public boolean delete(Tx tx, UUID organisationId) {
        return tx.update("DELETE FROM whatsapp_integrations WHERE organisation_id = ?", organisationId) > 0;
    }

    public boolean phoneNumberTakenByOther(Tx tx, UUID organisationId, String phoneNumberId) {
        return tx.queryOne("SELECT 1 FROM whatsapp_integrations WHERE phone_number_id = ? AND organisation_id <> ?",
                rs -> true, phoneNumberId, organisationId).isPresent();
    }

    private static Integration map(ResultSet rs) throws SQLException {
        return new Integration(Tx.uuid(rs, "organisation_id"), rs.getString("phone_number_id"),
                rs.getString("business_account_id"), rs.getString("display_phone_number"),
                rs.getString("access_token_encrypted"), rs.getString("status"),
                rs.getString("status_reason"));
    }
}
