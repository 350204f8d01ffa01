package dev.funnel.backend.auth;

import dev.funnel.backend.db.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Refuses logins for a while after too many failures for one email, or from one client address,
 * within {@link #WINDOW}. The failures are rows in the database, so every backend counts the same ones.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int EMAIL_LIMIT = 5;
    /** Higher than an email's: people behind one office router share an address. */
    public static final int ADDRESS_LIMIT = 50;

    /** Logins refused until {@code until}, because of too many failures for {@code reason}. */
    public record Block(Instant until, String reason) {
    }

    /** Whether logins for {@code email} (normalised) from {@code address} (null when unknown) are refused now. */
    public Optional<Block> check(Tx tx, String email, String address, Instant now) {
        return Stream.of(
                        blockedUntil(tx, "email", email, EMAIL_LIMIT, now).map(t -> new Block(t, "this email")),
                        blockedUntil(tx, "address", address, ADDRESS_LIMIT, now)
                                .map(t -> new Block(t, "this network address")))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Block::until));
    }

    public void failed(Tx tx, String email, String address, Instant now) {
        tx.update("DELETE FROM login_failures WHERE failed_at <= ?", now.minus(WINDOW));
        insert(tx, "email", email, now);
        if (address != null) {
            insert(tx, "address", address, now);
        }
    }

    /** A successful login forgives its email's failures (not its address's: one account must not unlock others). */
    public void succeeded(Tx tx, String email) {
        tx.update("DELETE FROM login_failures WHERE kind = 'email' AND subject = ?", email);
    }

    /** When the {@code limit}-th newest failure within the window leaves it; empty when there are fewer. */
    private static Optional<Instant> blockedUntil(Tx tx, String kind, String subject, int limit, Instant now) {
        if (subject == null) {
            return Optional.empty();
        }
        return tx.queryOne("""
                        SELECT failed_at FROM login_failures WHERE kind = ? AND subject = ? AND failed_at > ?
                        ORDER BY failed_at DESC LIMIT 1 OFFSET ?""",
                        rs -> Tx.instant(rs, "failed_at"), kind, subject, now.minus(WINDOW), limit - 1)
                .map(failedAt -> failedAt.plus(WINDOW));
    }

    private static void insert(Tx tx, String kind, String subject, Instant now) {
        tx.update("INSERT INTO login_failures (id, kind, subject, failed_at) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), kind, subject, now);
    }
}
