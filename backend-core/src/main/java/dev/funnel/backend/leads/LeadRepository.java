package dev.funnel.backend.leads;

import dev.funnel.backend.db.Like;
import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Leads of an organisation, one per phone number (simulated leads are kept apart from real ones).
 * Phones are stored as WhatsApp writes a sender: the E.164 digits without the '+'.
 */
public final class LeadRepository {

    /** The later of the lead's and its conversation's last change (a lead may have no conversation). */
    private static final String LAST_CHANGE =
            "CASE WHEN c.updated_at > l.updated_at THEN c.updated_at ELSE l.updated_at END";

    private static final String SELECT = """
            SELECT l.id, l.organisation_id, l.phone, l.name, l.email, l.company, l.simulated, l.created_at,
                COALESCE(c.stage, l.stage) AS stage, COALESCE(c.intent_level, l.intent_level) AS intent_level,
                COALESCE(c.user_sentiment, l.user_sentiment) AS sentiment, c.id AS conversation_id,
                %s AS last_change
            FROM leads l LEFT JOIN conversations c ON c.lead_id = l.id
            """.formatted(LAST_CHANGE);

    /** Filters of the leads list; null means "any". {@code q} is searched in name, phone, email and company. */
    public record Search(String stage, String intentLevel, String sentiment, String q) {

        public static final Search ALL = new Search(null, null, null, null);
    }

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
        return tx.queryOne(SELECT + "WHERE l.organisation_id = ? AND l.phone = ? AND l.simulated = ?",
                LeadRepository::map, organisationId, phone, simulated).orElseThrow();
    }

    /**
     * A lead a person adds (never simulated); empty when the organisation already has a lead with this
     * phone. {@code phone} is already normalised.
     */
    public Optional<UUID> create(Tx tx, UUID organisationId, String phone, String name, String email, String company,
                                 Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = tx.update("""
                INSERT INTO leads (id, organisation_id, phone, name, email, company, simulated, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?) ON CONFLICT DO NOTHING""",
                id, organisationId, phone, name, email, company, now, now);
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    public Optional<Lead> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne(SELECT + "WHERE l.organisation_id = ? AND l.id = ?", LeadRepository::map,
                organisationId, id);
    }

    /** Every real lead of the organisation by phone: an import matches its rows against them. */
    public Map<String, Lead> realLeadsByPhone(Tx tx, UUID organisationId) {
        return tx.query(SELECT + "WHERE l.organisation_id = ? AND l.simulated = FALSE", LeadRepository::map,
                organisationId).stream().collect(Collectors.toMap(Lead::phone, lead -> lead));
    }

    /** A page of the matching leads, most recently changed first. */
    public List<Lead> search(Tx tx, UUID organisationId, Search search, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, search, params);
        params.add(limit);
        params.add(offset);
        return tx.query(SELECT + where + " ORDER BY " + LAST_CHANGE + " DESC, l.id LIMIT ? OFFSET ?",
                LeadRepository::map, params.toArray());
    }

    /** Every matching lead, oldest first (for an export). */
    public List<Lead> all(Tx tx, UUID organisationId, Search search) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, search, params);
        return tx.query(SELECT + where + " ORDER BY l.created_at, l.id", LeadRepository::map, params.toArray());
    }

    public int count(Tx tx, UUID organisationId, Search search) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, search, params);
        return tx.queryOne("SELECT COUNT(*) FROM leads l LEFT JOIN conversations c ON c.lead_id = l.id " + where,
                rs -> rs.getInt(1), params.toArray()).orElseThrow();
    }

    /**
     * Sets the given fields; the state fields are set on the lead's conversation too, so the inbox
     * and the leads list agree.
     */
    public void update(Tx tx, UUID id, Map<LeadField, String> changes, Instant now) {
        set(tx, "leads", "id", id, changes, now);
        Map<LeadField, String> state = new EnumMap<>(LeadField.class);
        changes.forEach((field, value) -> {
            if (field.conversationState()) {
                state.put(field, value);
            }
        });
        if (!state.isEmpty()) {
            set(tx, "conversations", "lead_id", id, state, now);
        }
    }

    /** Fills the real lead's empty name, email and company (an import never overwrites what a person set). */
    public void fillEmpty(Tx tx, UUID organisationId, String phone, String name, String email, String company,
                          Instant now) {
        tx.update("""
                UPDATE leads SET name = COALESCE(name, ?), email = COALESCE(email, ?), company = COALESCE(company, ?),
                    updated_at = ? WHERE organisation_id = ? AND phone = ? AND simulated = FALSE""",
                name, email, company, now, organisationId, phone);
    }

    /** Deletes the lead; its conversation, messages, follow-ups and trace go with it (the schema cascades). */
    public boolean delete(Tx tx, UUID organisationId, UUID id) {
        return tx.update("DELETE FROM leads WHERE organisation_id = ? AND id = ?", organisationId, id) == 1;
    }

    private static void set(Tx tx, String table, String key, UUID id, Map<LeadField, String> changes, Instant now) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        changes.forEach((field, value) -> {
            sql.append(field.column()).append(" = ?, ");
            params.add(value);
        });
        sql.append("updated_at = ? WHERE ").append(key).append(" = ?");
        params.add(now);
        params.add(id);
        tx.update(sql.toString(), params.toArray());
    }

    private static String where(UUID organisationId, Search search, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE l.organisation_id = ?");
        params.add(organisationId);
        if (search.stage() != null) {
            sql.append(" AND COALESCE(c.stage, l.stage) = ?");
            params.add(search.stage());
        }
        if (search.intentLevel() != null) {
            sql.append(" AND COALESCE(c.intent_level, l.intent_level) = ?");
            params.add(search.intentLevel());
        }
        if (search.sentiment() != null) {
            sql.append(" AND COALESCE(c.user_sentiment, l.user_sentiment) = ?");
            params.add(search.sentiment());
        }
        if (search.q() != null) {
            String pattern = Like.contains(search.q());
            sql.append(" AND (LOWER(l.name) LIKE ?").append(Like.ESCAPE)
                    .append(" OR LOWER(l.email) LIKE ?").append(Like.ESCAPE)
                    .append(" OR LOWER(l.company) LIKE ?").append(Like.ESCAPE)
                    .append(" OR l.phone LIKE ?").append(Like.ESCAPE).append(')');
            params.addAll(List.of(pattern, pattern, pattern, Like.containsPhone(search.q())));
        }
        return sql.toString();
    }

    private static Lead map(ResultSet rs) throws SQLException {
        return new Lead(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("phone"),
                rs.getString("name"), rs.getString("email"), rs.getString("company"), rs.getString("stage"),
                rs.getString("intent_level"), rs.getString("sentiment"), rs.getBoolean("simulated"),
                Tx.uuid(rs, "conversation_id"), Tx.instant(rs, "created_at"), Tx.instant(rs, "last_change"));
    }
}
