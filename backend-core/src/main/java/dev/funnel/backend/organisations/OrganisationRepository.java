package dev.funnel.backend.organisations;

import dev.funnel.backend.db.Tx;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Organisations, and which organisation a WhatsApp phone number id belongs to. */
public final class OrganisationRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where an inbound webhook goes: the organisation, and whether it came from the simulator. */
    public record Route(UUID organisationId, boolean simulated) {
    }

    public Organisation create(Tx tx, String name, Instant now) {
        UUID id = UUID.randomUUID();
        tx.update("""
                INSERT INTO organisations (id, name, invite_code, simulator_phone_number_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                id, name, randomCode(), "sim-" + id, now, now);
        return find(tx, id).orElseThrow();
    }

    public Optional<Organisation> find(Tx tx, UUID id) {
        return tx.queryOne("SELECT * FROM organisations WHERE id = ?", OrganisationRepository::map, id);
    }

    public boolean any(Tx tx) {
        return tx.queryOne("SELECT 1 FROM organisations", rs -> true).isPresent();
    }

    /** The organisation a webhook's {@code metadata.phone_number_id} belongs to, real or simulated. */
    public Optional<Route> route(Tx tx, String phoneNumberId) {
        Optional<Route> real = tx.queryOne(
                "SELECT organisation_id FROM whatsapp_integrations WHERE phone_number_id = ?",
                rs -> new Route(Tx.uuid(rs, "organisation_id"), false), phoneNumberId);
        if (real.isPresent()) {
            return real;
        }
        return tx.queryOne("SELECT id FROM organisations WHERE simulator_phone_number_id = ?",
                rs -> new Route(Tx.uuid(rs, "id"), true), phoneNumberId);
    }

    public void updateLlm(Tx tx, UUID id, String baseUrl, String model, String apiKeyEncrypted, Instant now) {
        tx.update("""
                UPDATE organisations SET llm_base_url = ?, llm_model = ?, llm_api_key_encrypted = ?, updated_at = ?
                WHERE id = ?""", baseUrl, model, apiKeyEncrypted, now, id);
    }

    private static String randomCode() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Organisation map(ResultSet rs) throws SQLException {
        return new Organisation(
                Tx.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("business_profile"),
                rs.getString("sales_playbook"),
                rs.getString("tone"),
                rs.getString("time_zone"),
                rs.getObject("quiet_hours_start", LocalTime.class),
                rs.getObject("quiet_hours_end", LocalTime.class),
                rs.getInt("max_words"),
                rs.getInt("max_followups_24h"),
                rs.getInt("max_followups_total"),
                rs.getString("invite_code"),
                rs.getString("simulator_phone_number_id"),
                rs.getString("llm_base_url"),
                rs.getString("llm_model"),
                rs.getString("llm_api_key_encrypted"),
                Tx.instant(rs, "created_at"),
                rs.getDouble("min_confidence"));
    }
}
