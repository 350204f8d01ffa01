package dev.funnel.backend.leads;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Leads of an organisation, one per phone number (simulated leads are kept apart from real ones). */
public final class LeadRepository {

    /** The lead with this phone, created on first contact; a profile name fills an empty name. */
    public Lead getOrCreate(Tx tx, UUID organisationId, String phone, String profileName, String waUserId,
                            boolean simulated, Instant now) {
        tx.update("""
                INSERT INTO leads (id, organisation_id, phone, wa_user_id, name, simulated, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                UUID.randomUUID(), organisationId, phone, waUserId, profileName, simulated, now, now);
        if (profileName != null) {
            tx.update("""
                    UPDATE leads SET name = ?, updated_at = ?
                    WHERE organisation_id = ? AND phone = ? AND simulated = ? AND name IS NULL""",
                    profileName, now, organisationId, phone, simulated);
        }
        return tx.queryOne("SELECT * FROM leads WHERE organisation_id = ? AND phone = ? AND simulated = ?",
                LeadRepository::map, organisationId, phone, simulated).orElseThrow();
    }

    private static Lead map(ResultSet rs) throws SQLException {
        return new Lead(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("phone"),
                rs.getString("name"), rs.getBoolean("simulated"));
    }
}
