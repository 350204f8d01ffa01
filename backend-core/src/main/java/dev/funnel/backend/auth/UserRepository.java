package dev.funnel.backend.auth;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users of an organisation. Emails are stored lower-case so logins are case-insensitive. */
public final class UserRepository {

    public User create(Tx tx, UUID organisationId, String name, String email, String passwordHash, String role,
                       Instant now) {
        UUID id = UUID.randomUUID();
        tx.update("""
                INSERT INTO users (id, organisation_id, name, email, password_hash, role, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, organisationId, name, normalise(email), passwordHash, role, now, now);
        return find(tx, organisationId, id).orElseThrow();
    }

    public Optional<User> findByEmail(Tx tx, String email) {
        return tx.queryOne("SELECT * FROM users WHERE email = ?", UserRepository::map, normalise(email));
    }

    public Optional<User> find(Tx tx, UUID organisationId, UUID id) {
        return tx.queryOne("SELECT * FROM users WHERE id = ? AND organisation_id = ?", UserRepository::map,
                id, organisationId);
    }

    public void recordLogin(Tx tx, UUID id, Instant now) {
        tx.update("UPDATE users SET last_login_at = ? WHERE id = ?", now, id);
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getString("role"),
                rs.getBoolean("is_active"), Tx.instant(rs, "created_at"));
    }
}
