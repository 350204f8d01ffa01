package dev.funnel.backend.ctas;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The organisation's active calls to action. */
public final class CtaRepository {

    public List<Cta> active(Tx tx, UUID organisationId) {
        return tx.query("SELECT * FROM ctas WHERE organisation_id = ? AND is_active = TRUE ORDER BY name",
                CtaRepository::map, organisationId);
    }

    /** The active CTA a model named; models vary case and spacing, so the match ignores both. */
    public Optional<Cta> findActive(Tx tx, UUID organisationId, String name) {
        String wanted = normalise(name);
        return active(tx, organisationId).stream().filter(c -> normalise(c.name()).equals(wanted)).findFirst();
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static Cta map(ResultSet rs) throws SQLException {
        return new Cta(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("cta_type"), rs.getString("description"));
    }
}
