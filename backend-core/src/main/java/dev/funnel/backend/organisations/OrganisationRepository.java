package dev.funnel.backend.organisations;

import dev.funnel.backend.db.Tx;
import dev.funnel.backend.http.Json;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organisations, and which organisation a WhatsApp phone number id belongs to. */
public final class OrganisationRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where each value of the follow-up template comes from, as stored. */
    private record Sources(List<String> header, List<String> body, List<String> buttons) {
    }

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

    /** Locks the organisation's row: changes that must see each other (the last admin) run one at a time. */
    public void lock(Tx tx, UUID id) {
        tx.queryOne("SELECT id FROM organisations WHERE id = ? FOR UPDATE", rs -> true, id);
    }

    public Optional<Organisation> findByInviteCode(Tx tx, String inviteCode) {
        return tx.queryOne("SELECT * FROM organisations WHERE invite_code = ? AND is_active = TRUE",
                OrganisationRepository::map, inviteCode);
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

    /** The profile, tone and follow-up rules the operators edit. */
    public void updateSettings(Tx tx, UUID id, OrganisationSettings s, Instant now) {
        tx.update("""
                UPDATE organisations SET name = ?, business_profile = ?, sales_playbook = ?, tone = ?, time_zone = ?,
                    quiet_hours_start = ?, quiet_hours_end = ?, max_followups_24h = ?, max_followups_total = ?,
                    max_words = ?, min_confidence = ?, followup_cadence_minutes = ?, ghosted_after_hours = ?,
                    updated_at = ?
                WHERE id = ?""",
                s.name(), s.businessProfile(), s.salesPlaybook(), s.tone(), s.timeZone().getId(),
                s.quietHoursStart(), s.quietHoursEnd(), s.maxFollowups24h(), s.maxFollowupsTotal(), s.maxWords(),
                s.minConfidence(), s.cadenceText(), s.ghostedAfterHours(), now, id);
    }

    /** Replaces the invite code: the old one stops working. @return the new code */
    public String rotateInviteCode(Tx tx, UUID id, Instant now) {
        String code = randomCode();
        tx.update("UPDATE organisations SET invite_code = ?, updated_at = ? WHERE id = ?", code, now, id);
        return code;
    }

    /** The template follow-ups send outside the 24-hour window; empty when none is chosen. */
    public Optional<FollowupTemplate> followupTemplate(Tx tx, UUID id) {
        return tx.queryOne("SELECT template_id, sources, name_fallback FROM followup_templates WHERE organisation_id = ?",
                rs -> {
                    Sources sources = Json.MAPPER.convertValue(Json.tree(rs.getString("sources")), Sources.class);
                    return new FollowupTemplate(Tx.uuid(rs, "template_id"), sources.header(), sources.body(),
                            sources.buttons(), rs.getString("name_fallback"));
                }, id);
    }

    /** Chooses the follow-up template, or none with null. */
    public void updateFollowupTemplate(Tx tx, UUID id, FollowupTemplate chosen, Instant now) {
        tx.update("DELETE FROM followup_templates WHERE organisation_id = ?", id);
        if (chosen != null) {
            tx.update("""
                    INSERT INTO followup_templates (organisation_id, template_id, sources, name_fallback, updated_at)
                    VALUES (?, ?, ?, ?, ?)""", id, chosen.templateId(),
                    Json.text(new Sources(chosen.header(), chosen.body(), chosen.buttons())), chosen.nameFallback(),
                    now);
        }
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
                rs.getDouble("min_confidence"),
                rs.getString("followup_cadence_minutes"),
                rs.getInt("ghosted_after_hours"));
    }
}
