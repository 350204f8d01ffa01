package dev.funnel.backend.followups;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled action as the API shows it.
 *
 * @param type   {@code followup} or {@code ghost_check}
 * @param reason why it was scheduled; for a cancelled, failed or postponed one, why that happened
 */
record FollowupOut(UUID id, String type, Instant scheduledAt, String status, String reason, Instant executedAt) {

    static FollowupOut of(ScheduledAction a) {
        return new FollowupOut(a.id(), a.type().id(), a.scheduledAt(), a.status(), a.reason(), a.executedAt());
    }
}
