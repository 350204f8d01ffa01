package dev.funnel.console.backend;

import java.time.Instant;

/**
 * A follow-up (or ghost check) the backend scheduled for a conversation. {@code type} is
 * {@code followup} or {@code ghost_check}; {@code status} one of pending, running, executed,
 * cancelled, failed; {@code reason} why it was scheduled, or why it was cancelled, failed or postponed.
 */
public record Followup(String id, String type, Instant scheduledAt, String status, String reason,
                       Instant executedAt) {

    /** Only a pending one can still be cancelled. */
    public boolean pending() {
        return "pending".equals(status);
    }
}
