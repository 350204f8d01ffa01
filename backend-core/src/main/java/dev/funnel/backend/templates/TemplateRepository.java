package dev.funnel.backend.templates;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An organisation's message templates; one per (name, language), as at Meta. */
public final class TemplateRepository {

    /** What a person writes: the parts of a template Meta reviews. */
    public record Draft(String name, String language, String category, String componentsJson) {
    }

    /** A template as Meta lists it, to be brought into our rows. */
    public record FromMeta(String metaTemplateId, String name, String language, String category, String status,
                           String reason, String componentsJson) {
    }

    /** What a sync changed. */
    public enum Upserted { CREATED, UPDATED, UNCHANGED }

    public List<Template> list(Tx tx, UUID organisationId) {
        return tx.query("SELECT * FROM templates WHERE organisation_id = ? ORDER BY name, language",
                TemplateRepository::map, organisationId);
    }

    public Optional<Template> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT * FROM templates WHERE organisation_id = ? AND id = ?", TemplateRepository::map,
                organisationId, id);
    }

    public Optional<Template> findByName(Tx tx, UUID organisationId, String name, String language) {
        return tx.queryOne("SELECT * FROM templates WHERE organisation_id = ? AND name = ? AND language = ?",
                TemplateRepository::map, organisationId, name, language);
    }

    public Template create(Tx tx, UUID organisationId, Draft draft, Instant now) {
        UUID id = UUID.randomUUID();
        tx.update("""
                INSERT INTO templates (id, organisation_id, name, language, category, components, status,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""",
                id, organisationId, draft.name(), draft.language(), draft.category(), draft.componentsJson(), now, now);
        return find(tx, organisationId, id).orElseThrow();
    }

    /** A changed draft or rejected template is a draft again; Meta's id stays, so it is resubmitted as an edit. */
    public Template updateDraft(Tx tx, Template template, Draft draft, Instant now) {
        tx.update("""
                UPDATE templates SET name = ?, language = ?, category = ?, components = ?, status = 'DRAFT',
                    status_reason = NULL, updated_at = ? WHERE organisation_id = ? AND id = ?""",
                draft.name(), draft.language(), draft.category(), draft.componentsJson(), now,
                template.organisationId(), template.id());
        return find(tx, template.organisationId(), template.id()).orElseThrow();
    }

    public Template markSubmitted(Tx tx, Template template, String metaTemplateId, String status, Instant now) {
        tx.update("""
                UPDATE templates SET meta_template_id = ?, status = ?, status_reason = NULL, updated_at = ?
                WHERE organisation_id = ? AND id = ?""",
                metaTemplateId, status, now, template.organisationId(), template.id());
        return find(tx, template.organisationId(), template.id()).orElseThrow();
    }

    public Template setStatus(Tx tx, Template template, String status, String reason, Instant now) {
        tx.update("""
                UPDATE templates SET status = ?, status_reason = ?, updated_at = ?
                WHERE organisation_id = ? AND id = ?""", status, reason, now, template.organisationId(), template.id());
        return find(tx, template.organisationId(), template.id()).orElseThrow();
    }

    /**
     * A status Meta announced for the template with this id, or this name and language (unique at Meta
     * as here): applied to the organisation's matching templates, which are returned as they now are.
     */
    public List<Template> applyStatus(Tx tx, UUID organisationId, String metaTemplateId, String name, String language,
                                      String status, String reason, Instant now) {
        List<Template> matching = tx.query("""
                SELECT * FROM templates WHERE organisation_id = ?
                    AND (meta_template_id = ? OR (name = ? AND language = ?))""",
                TemplateRepository::map, organisationId, metaTemplateId, name, language);
        return matching.stream().map(t -> setStatus(tx, t, status, reason, now)).toList();
    }

    /** Brings one of Meta's templates in by (name, language): added when new, else its Meta fields updated. */
    public Upserted upsert(Tx tx, UUID organisationId, FromMeta meta, Instant now) {
        Optional<Template> existing = findByName(tx, organisationId, meta.name(), meta.language());
        if (existing.isEmpty()) {
            tx.update("""
                    INSERT INTO templates (id, organisation_id, name, language, category, components, status,
                        meta_template_id, status_reason, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID(), organisationId, meta.name(), meta.language(), meta.category(),
                    meta.componentsJson(), meta.status(), meta.metaTemplateId(), meta.reason(), now, now);
            return Upserted.CREATED;
        }
        Template t = existing.get();
        if (meta.metaTemplateId().equals(t.metaTemplateId()) && meta.status().equals(t.status())
                && meta.category().equals(t.category()) && meta.componentsJson().equals(t.componentsJson())
                && Objects.equals(meta.reason(), t.statusReason())) {
            return Upserted.UNCHANGED;
        }
        tx.update("""
                UPDATE templates SET meta_template_id = ?, category = ?, components = ?, status = ?,
                    status_reason = ?, updated_at = ? WHERE organisation_id = ? AND id = ?""",
                meta.metaTemplateId(), meta.category(), meta.componentsJson(), meta.status(), meta.reason(), now,
                organisationId, t.id());
        return Upserted.UPDATED;
    }

    public boolean delete(Tx tx, UUID organisationId, UUID id) {
        return tx.update("DELETE FROM templates WHERE organisation_id = ? AND id = ?", organisationId, id) > 0;
    }

    private static Template map(ResultSet rs) throws SQLException {
        return new Template(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("language"), rs.getString("category"), rs.getString("components"),
                rs.getString("status"), rs.getString("meta_template_id"), rs.getString("status_reason"),
                Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }
}
