package dev.funnel.backend.events;

import dev.funnel.backend.db.Tx;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code live_events} table: every event consoles were told, numbered, for consoles that reconnect. */
public final class EventLog {

    public LiveEvent append(Tx tx, UUID organisationId, String event, String payload, Instant now) {
        long seq = tx.insertReturningKey("""
                INSERT INTO live_events (organisation_id, event, payload, created_at) VALUES (?, ?, ?, ?)""",
                "seq", organisationId, event, payload, now);
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
