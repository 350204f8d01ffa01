package dev.funnel.backend.auth;

import dev.funnel.backend.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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

    /** A token's caller as they are now: their current role; empty once deleted or deactivated. */
    public Optional<Caller> current(Tx tx, Caller signed) {
        return find(tx, signed.organisationId(), signed.userId()).filter(User::active)
                .map(user -> new Caller(user.id(), user.organisationId(), user.role()));
    }

    /** The organisation's users, oldest first. */
    public List<User> list(Tx tx, UUID organisationId, int limit, int offset) {
        return tx.query("SELECT * FROM users WHERE organisation_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                UserRepository::map, organisationId, limit, offset);
    }

    public int countActiveAdmins(Tx tx, UUID organisationId) {
        return tx.queryOne("SELECT COUNT(*) FROM users WHERE organisation_id = ? AND role = ? AND is_active = TRUE",
                rs -> rs.getInt(1), organisationId, Caller.ADMIN).orElse(0);
    }

    public void update(Tx tx, UUID organisationId, UUID id, String name, String role, boolean active, Instant now) {
        tx.update("""
                UPDATE users SET name = ?, role = ?, is_active = ?, updated_at = ?
                WHERE id = ? AND organisation_id = ?""", name, role, active, now, id, organisationId);
    }

    public void setPassword(Tx tx, UUID organisationId, UUID id, String passwordHash, Instant now) {
        tx.update("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ? AND organisation_id = ?",
                passwordHash, now, id, organisationId);
    }

    /** @return whether there was such a user */
    public boolean delete(Tx tx, UUID organisationId, UUID id) {
        return tx.update("DELETE FROM users WHERE id = ? AND organisation_id = ?", id, organisationId) > 0;
    }

    public void recordLogin(Tx tx, UUID id, Instant now) {
        tx.update("UPDATE users SET last_login_at = ? WHERE id = ?", now, id);
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(Tx.uuid(rs, "id"), Tx.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getString("role"),
                rs.getBoolean("is_active"), Tx.instant(rs, "created_at"), Tx.instant(rs, "last_login_at"));
    }
}
