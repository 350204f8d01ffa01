package dev.funnel.backend.followups;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A row of {@code scheduled_actions}: something the backend does later for a conversation.
 * {@code status} moves pending → running → executed, cancelled or failed; {@code reason} says why it
 * was scheduled, or why it was cancelled, failed or postponed.
 */
public record ScheduledAction(UUID id, UUID organisationId, UUID conversationId, Type type, Instant scheduledAt,
                              String status, int attempts, String reason, Instant executedAt, Instant createdAt) {

    /** What runs when the action is due. */
    public enum Type {
        /** A nudge written by the follow-up step and sent to the lead. */
        FOLLOWUP,
        /** Marks the conversation {@code ghosted} if the lead still has not written. */
        GHOST_CHECK;

        /** The stored and shown name: {@code followup}, {@code ghost_check}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
