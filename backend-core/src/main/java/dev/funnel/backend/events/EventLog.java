package dev.funnel.backend.events;

import dev.funnel.backend.db.Tx;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code live_events} table: every event consoles were told, numbered, for consoles that reconnect.
 *
 * <p>A cursor is taken from the identity before its transaction commits, so two transactions can
 * commit in the opposite order of their cursors; a reader that saw the later one would then skip the
 * earlier one for good. On a shared PostgreSQL database ({@code shared}) an append therefore first
 * takes a transaction-scoped advisory lock on its organisation: the next append of that organisation,
 * from any backend, takes its cursor only after this one has committed. An organisation's events thus
 * become visible in cursor order, and whatever a reader sees after a cursor has no gap to fill later.
 * The append also NOTIFYs {@link #CHANNEL} with {@code "<organisation id> <seq>"}, which PostgreSQL
 * delivers to the listening backends when the transaction commits. On H2 one process owns the
 * database, and {@link EventBus} orders an organisation's appends itself.
 */
public final class EventLog {

    /** The channel backends sharing a PostgreSQL database announce their events on. */
    static final String CHANNEL = "funnel_live_events";
    /** The advisory locks' first key, so that they cannot meet another use of advisory locks. */
    private static final int LOCK_SPACE = 0x464e4c45;

    private final boolean shared;

    /** @param shared the database is PostgreSQL, which several backends may share */
    public EventLog(boolean shared) {
        this.shared = shared;
    }

    public LiveEvent append(Tx tx, UUID organisationId, String event, String payload, Instant now) {
        if (shared) {
            // two organisations whose ids hash alike merely take turns
            tx.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> true, LOCK_SPACE, organisationId.hashCode());
        }
        long seq = tx.insertReturningKey("""
                INSERT INTO live_events (organisation_id, event, payload, created_at) VALUES (?, ?, ?, ?)""",
                "seq", organisationId, event, payload, now);
        if (shared) {
            tx.query("SELECT pg_notify(?, ?)", rs -> true, CHANNEL, organisationId + " " + seq);
        }
        return new LiveEvent(seq, organisationId, event, payload);
    }

    /** The organisation's events after the cursor, oldest first, at most {@code limit}. */
    public List<LiveEvent> after(Tx tx, UUID organisationId, long afterSeq, int limit) {
        return tx.query("""
                SELECT seq, event, payload FROM live_events
                WHERE organisation_id = ? AND seq > ? ORDER BY seq LIMIT ?""",
                rs -> new LiveEvent(rs.getLong("seq"), organisationId, rs.getString("event"), rs.getString("payload")),
                organisationId, afterSeq, limit);
    }

    /** The organisation's latest cursor; 0 before its first event. */
    public long latest(Tx tx, UUID organisationId) {
        return tx.queryOne("SELECT MAX(seq) FROM live_events WHERE organisation_id = ?", rs -> rs.getLong(1),
                organisationId).orElse(0L);
    }

    /** Forgets events logged before the cutoff; returns how many. */
    public int pruneBefore(Tx tx, Instant cutoff) {
        return tx.update("DELETE FROM live_events WHERE created_at < ?", cutoff);
    }
}
