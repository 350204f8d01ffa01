package dev.funnel.backend.ctas;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** An organisation's calls to action; the active ones are what the bot may offer. */
public final class CtaRepository {

    /** A CTA's editable values. */
    public record Values(String name, String type, String description, String url, boolean active) {
    }

    public List<Cta> active(Tx tx, UUID organisationId) {
        return tx.query("SELECT * FROM ctas WHERE organisation_id = ? AND is_active = TRUE ORDER BY name",
                CtaRepository::map, organisationId);
    }

    public List<Cta> list(Tx tx, UUID organisationId) {
        return tx.query("SELECT * FROM ctas WHERE organisation_id = ? ORDER BY name, created_at",
                CtaRepository::map, organisationId);
    }

    public Optional<Cta> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT * FROM ctas WHERE organisation_id = ? AND id = ?", CtaRepository::map,
                organisationId, id);
    }

    /** The active CTA a model named; models vary case and spacing, so the match ignores both. */
    public Optional<Cta> findActive(Tx tx, UUID organisationId, String name) {
        String wanted = normalise(name);
        return active(tx, organisationId).stream().filter(c -> normalise(c.name()).equals(wanted)).findFirst();
    }

    /** Another CTA of the organisation that a model could not tell apart from {@code name}. */
    public Optional<Cta> findNamedLike(Tx tx, UUID organisationId, String name, UUID except) {
        String wanted = normalise(name);
        return list(tx, organisationId).stream()
                .filter(c -> !c.id().equals(except) && normalise(c.name()).equals(wanted)).findFirst();
    }

    public Cta create(Tx tx, UUID organisationId, Values fields, Instant now) {
        UUID id = UUID.randomUUID();
        tx.update("""
                INSERT INTO ctas (id, organisation_id, name, cta_type, description, url, is_active, created_at,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, organisationId, fields.name(), fields.type(), fields.description(), fields.url(), fields.active(),
                now, now);
        return find(tx, organisationId, id).orElseThrow();
    }

    public Cta update(Tx tx, Cta cta, Values fields, Instant now) {
        tx.update("""
                UPDATE ctas SET name = ?, cta_type = ?, description = ?, url = ?, is_active = ?, updated_at = ?
                WHERE organisation_id = ? AND id = ?""",
                fields.name(), fields.type(), fields.description(), fields.url(), fields.active(), now,
                cta.organisationId(), cta.id());
        return find(tx, cta.organisationId(), cta.id()).orElseThrow();
    }

    public boolean delete(Tx tx, UUID organisationId, UUID id) {
        return tx.update("DELETE FROM ctas WHERE organisation_id = ? AND id = ?", organisationId, id) > 0;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static Cta map(ResultSet rs) throws SQLException {
        return new Cta(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("cta_type"), rs.getString("description"), rs.getString("url"),
                rs.getBoolean("is_active"), Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }
}
